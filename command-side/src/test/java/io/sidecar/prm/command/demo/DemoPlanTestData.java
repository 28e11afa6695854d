package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The plans the demo-data tests look at: the default sizes on a fixed day, planned once. */
final class DemoPlanTestData {

    static final Instant NOW = Instant.parse("2026-05-14T10:15:30Z");
    static final String CURRENCY = "EUR";
    static final DealRules RULES = DealRules.defaults(CURRENCY);
    static final DemoDataProperties DEFAULTS = new DemoDataProperties(200, 5000, 20240229L, 4);
    static final DemoPlan PLAN = plan(DEFAULTS, NOW);

    private DemoPlanTestData() {}

    static DemoPlan plan(DemoDataProperties sizes, Instant now) {
        return new DemoPlanner(sizes, RULES).plan(now);
    }

    static <T> List<T> commands(DemoPlan plan, Class<T> type) {
        return plan.steps()
                .map(Step::command)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** How many commands of each kind (the command's simple class name). */
    static Map<String, Long> kinds(DemoPlan plan) {
        return plan.steps()
                .collect(Collectors.groupingBy(
                        step -> step.command().getClass().getSimpleName(), Collectors.counting()));
    }
}
