package io.sidecar.prm.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, named {@code YYYY-Qn} as goals name their period ({@code PartnerGoalSet}) and as won revenue
 * is counted by the quarter of {@code closedOn}.
 *
 * @param year   the year
 * @param number 1–4
 */
public record Quarter(int year, int number) {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-Q([1-4])");

    /** The quarter a day falls in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter of a name such as {@code 2026-Q4}; {@link IllegalArgumentException} for anything else. */
    public static Quarter parse(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a quarter (YYYY-Qn): " + name);
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** How many days the quarter has (90 to 92). */
    public int days() {
        return (int) ChronoUnit.DAYS.between(firstDay(), firstDay().plusMonths(3));
    }

    /** Which day of the quarter {@code day} is, 1 on its first day; {@code day} must lie in the quarter. */
    public int dayOf(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(firstDay(), day) + 1;
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
