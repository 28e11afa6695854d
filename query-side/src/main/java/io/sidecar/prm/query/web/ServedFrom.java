package io.sidecar.prm.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read models (processing groups) a query endpoint answers from. While one of them is being rebuilt, the
 * answer carries {@code Warning: 110 - "replaying"} ({@link ReplayWarning}); on a method it replaces the class's.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ServedFrom {

    /** The processing groups. */
    String[] value();
}
