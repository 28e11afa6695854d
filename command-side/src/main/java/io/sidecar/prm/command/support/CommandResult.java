package io.sidecar.prm.command.support;

import java.util.function.Consumer;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * What a command answers once its events are stored: the aggregate's id and its version, the number of events in
 * its stream (last sequence number + 1). Read models expose the same version, so a client can ask for a read that
 * has caught up with its own write.
 *
 * @param id      the aggregate's id
 * @param version the number of events in the aggregate's stream after the command
 */
public record CommandResult(String id, long version) {

    /**
     * Loads an aggregate, lets it decide, and answers its new version; an aggregate that was never stored is
     * refused as 404 with the code {@code <what>.unknown}.
     *
     * @param what a word for the messages, such as "partner"
     */
    public static <T> CommandResult decide(Repository<T> repository, String what, String id, Consumer<T> decision) {
        Aggregate<T> aggregate;
        try {
            aggregate = repository.load(id);
        } catch (AggregateNotFoundException notFound) {
            throw CommandRefusedException.notFound(what + ".unknown", "no " + what + " with id " + id + " exists");
        }
        aggregate.execute(decision);
        return of(id, aggregate);
    }

    public static CommandResult of(String id, Aggregate<?> aggregate) {
        Long lastSequence = aggregate.version();
        return new CommandResult(id, lastSequence == null ? 0 : lastSequence + 1);
    }
}
