package io.sidecar.prm.command.support;

import org.axonframework.modelling.command.Aggregate;

/**
 * What a command answers once its events are stored: the aggregate's id and its version, the number of events in
 * its stream (last sequence number + 1). Read models expose the same version, so a client can ask for a read that
 * has caught up with its own write.
 *
 * @param id      the aggregate's id
 * @param version the number of events in the aggregate's stream after the command
 */
public record CommandResult(String id, long version) {

    public static CommandResult of(String id, Aggregate<?> aggregate) {
        Long lastSequence = aggregate.version();
        return new CommandResult(id, lastSequence == null ? 0 : lastSequence + 1);
    }
}
