package dev.arrears.platform.clock;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The clock of people's sessions and sign-in throttling: real time even when Arrears' own clock is
 * simulated (the demo runs a day in ten seconds; a console session must not end in a fifth of a second).
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface SessionTime {
}
