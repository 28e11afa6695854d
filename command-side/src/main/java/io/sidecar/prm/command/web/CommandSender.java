package io.sidecar.prm.command.web;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.PrmMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an HTTP request, with the metadata every event must carry: who acts, and the
 * request's correlation id. Waits until the events are stored.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandResult send(Object command, HttpServletRequest request) {
        return sendFor(command, request);
    }

    /** Sends a command whose handler answers something other than a {@link CommandResult}. */
    public <R> R sendFor(Object command, HttpServletRequest request) {
        MetaData metaData = MetaData.from(Map.of(
                PrmMetadata.ACTOR,
                PrmMetadata.ANONYMOUS,
                PrmMetadata.CORRELATION_ID,
                CorrelationIdFilter.correlationId(request)));
        return gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
