package io.sidecar.prm.command.support;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Carries a handler's {@link CommandRefusal} back to the sender as the details of a
 * {@link CommandExecutionException}: the one form of exception that crosses Axon Server intact, so the HTTP layer
 * answers the same way in both runtime modes.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (CommandRefusedException refused) {
            throw new CommandExecutionException(refused.getMessage(), null, refused.refusal());
        }
    }
}
