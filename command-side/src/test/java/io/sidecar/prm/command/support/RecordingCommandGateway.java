package io.sidecar.prm.command.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * A command gateway that handles nothing: it records every command message it is given, so a policy's test can
 * look at what the policy sent, payload and metadata. {@code sendAndWait} answers {@code null}, unless the test
 * made the gateway fail for some commands ({@link #failOn}).
 */
public final class RecordingCommandGateway implements CommandGateway {

    private final List<CommandMessage<?>> sent = Collections.synchronizedList(new ArrayList<>());
    private Predicate<Object> failing = payload -> false;
    private RuntimeException failure;

    /** Makes {@code sendAndWait} throw {@code exception} (after recording) for commands whose payload matches. */
    public RecordingCommandGateway failOn(Predicate<Object> payload, RuntimeException exception) {
        this.failing = payload;
        this.failure = exception;
        return this;
    }

    /** Every command message sent, in order. */
    public List<CommandMessage<?>> sent() {
        return List.copyOf(sent);
    }

    /** The payloads of every command sent, in order. */
    public List<Object> payloads() {
        return sent().stream().map(message -> (Object) message.getPayload()).toList();
    }

    private CommandMessage<?> record(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        sent.add(message);
        if (failing.test(message.getPayload())) {
            throw failure;
        }
        return message;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        @SuppressWarnings("unchecked")
        CommandMessage<C> message = (CommandMessage<C>) record(command);
        callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage((Object) null));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        record(command);
        return null;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        try {
            record(command);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return () -> true;
    }
}
