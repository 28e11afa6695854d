package io.sidecar.prm.command.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Sharing out: exact counts by weight, and fixed shares of rare values among common ones. */
final class Shares {

    private Shares() {}

    /** {@code total} shared out in proportion to each item's weight, largest remainders first: exactly. */
    static <T> int[] byWeight(List<T> items, ToDoubleFunction<T> weight, int total) {
        double[] weights = items.stream().mapToDouble(weight).toArray();
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] shares = new int[weights.length];
        if (sum <= 0) {
            return shares;
        }
        int given = 0;
        double[] remainders = new double[weights.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            shares[i] = (int) exact;
            remainders[i] = exact - shares[i];
            given += shares[i];
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> remainders[i]).reversed());
        for (int i = 0; given < total; i++, given++) {
            shares[order.get(i % order.size())]++;
        }
        return shares;
    }

    /** {@code count} values, each of {@code rare} taking its share (at least one from ten on), shuffled. */
    static <T> List<T> of(int count, Random random, T common, List<T> rare, double[] share) {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < rare.size(); i++) {
            long wanted = Math.max(count >= 10 ? 1 : 0, Math.round(count * share[i]));
            for (long n = 0; n < wanted && values.size() < count; n++) {
                values.add(rare.get(i));
            }
        }
        while (values.size() < count) {
            values.add(common);
        }
        Collections.shuffle(values, random);
        return values;
    }
}
