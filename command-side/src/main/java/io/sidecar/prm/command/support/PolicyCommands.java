package io.sidecar.prm.command.support;

import io.sidecar.prm.events.PrmMetadata;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * Commands that policies and schedules send. A policy's command names the event that triggered it as its cause
 * and keeps that event's actor and correlation id, so history shows who set it off and why.
 */
public final class PolicyCommands {

    private PolicyCommands() {}

    /** A command caused by {@code event}. */
    public static CommandMessage<?> causedBy(EventMessage<?> event, Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        PrmMetadata.ACTOR,
                        event.getMetaData().getOrDefault(PrmMetadata.ACTOR, PrmMetadata.ANONYMOUS),
                        PrmMetadata.CORRELATION_ID,
                        event.getMetaData().getOrDefault(PrmMetadata.CORRELATION_ID, event.getIdentifier()),
                        PrmMetadata.CAUSATION_ID,
                        event.getIdentifier()));
    }

    /** A command the system sends on its own schedule (no request, no event behind it). */
    public static CommandMessage<?> scheduled(String actor, Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        return message.andMetaData(
                Map.of(PrmMetadata.ACTOR, actor, PrmMetadata.CORRELATION_ID, message.getIdentifier()));
    }
}
