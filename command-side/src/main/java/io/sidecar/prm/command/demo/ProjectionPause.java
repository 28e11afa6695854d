package io.sidecar.prm.command.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Stops the event processors other than the command side's policies while the demo data is written, and starts
 * them again afterwards. In the standalone product those are the query side's read models: following thousands of
 * commands one small batch at a time costs them (and the commands, on two cores) far more than catching up from
 * the event store in full batches once the story is written, and no reader sees a half-written story. The
 * policies keep running, so that a tier promotion lands in the partner's history next to the win behind it.
 */
final class ProjectionPause {

    private static final String COMMAND_SIDE = "io.sidecar.prm.command";

    private final List<EventProcessor> stopped;

    private ProjectionPause(List<EventProcessor> stopped) {
        this.stopped = stopped;
    }

    static ProjectionPause stop(EventProcessingConfiguration processing, ListableBeanFactory beans) {
        Set<String> policies = beans.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(AopUtils::getTargetClass)
                .filter(type -> type.getPackageName().startsWith(COMMAND_SIDE))
                .map(type -> AnnotationUtils.findAnnotation(type, ProcessingGroup.class)
                        .value())
                .collect(Collectors.toSet());
        List<EventProcessor> running = processing.eventProcessors().values().stream()
                .filter(processor -> !policies.contains(processor.getName()) && processor.isRunning())
                .toList();
        running.forEach(EventProcessor::shutDown);
        return new ProjectionPause(running);
    }

    List<String> names() {
        return stopped.stream().map(EventProcessor::getName).sorted().toList();
    }

    void resume() {
        stopped.forEach(EventProcessor::start);
    }
}
