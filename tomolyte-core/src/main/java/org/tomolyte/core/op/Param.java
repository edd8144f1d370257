package org.tomolyte.core.op;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one parameter of an op: a component of the op's parameter record. The protocol key
 * is the component name in snake case ({@code sigmaUm} -&gt; {@code sigma_um}). The binder that
 * reads protocols enforces {@link #min()}, {@link #max()} and required-ness; the record's compact
 * constructor validates the same values so that Java callers get the same checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** Marks "no default": the parameter is required unless {@link #optional()}. */
    String NO_DEFAULT = "\u0000";

    /** What the parameter means, one sentence. */
    String doc();

    /** Unit, e.g. {@code um}, {@code um^3}; empty for dimensionless values and choices. */
    String unit() default "";

    /** Default value as protocol text; {@link #NO_DEFAULT} when there is none. */
    String defaultValue() default NO_DEFAULT;

    /** True when the parameter may be left out and is then null. */
    boolean optional() default false;

    /** Smallest allowed value for numbers (inclusive unless {@link #minExclusive()}). */
    double min() default Double.NEGATIVE_INFINITY;

    /** True when {@link #min()} itself is not allowed. */
    boolean minExclusive() default false;

    /** Largest allowed value for numbers (inclusive). */
    double max() default Double.POSITIVE_INFINITY;
}
