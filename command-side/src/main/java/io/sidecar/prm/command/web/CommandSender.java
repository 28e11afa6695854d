package io.sidecar.prm.command.web;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an HTTP request, with the metadata every event must carry: who acts (the signed-in
 * user, and the partner of a partner user), and the
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
        Map<String, Object> metaData = new HashMap<>();
        Optional<Caller> caller = Caller.current();
        metaData.put(PrmMetadata.ACTOR, caller.map(Caller::username).orElse(PrmMetadata.ANONYMOUS));
        caller.map(Caller::partnerId).ifPresent(partnerId -> metaData.put(PrmMetadata.ACTOR_PARTNER_ID, partnerId));
        metaData.put(PrmMetadata.CORRELATION_ID, CorrelationIdFilter.correlationId(request));
        return gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
    }
}
