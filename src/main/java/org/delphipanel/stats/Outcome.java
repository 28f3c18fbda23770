package org.delphipanel.stats;

import java.util.function.Function;

/**
 * A statistic that is either defined, with its value, or undefined, with the reason in words (too few
 * pairable values, zero variance, a single rater...). Nothing in this package reports an undefined
 * statistic as NaN or as a made-up number.
 *
 * @param <T> the type of the defined value
 */
public sealed interface Outcome<T> permits Outcome.Defined, Outcome.Undefined {

    static <T> Outcome<T> defined(T value) {
        return new Defined<>(value);
    }

    static <T> Outcome<T> undefined(String reason) {
        return new Undefined<>(reason);
    }

    /** The value when defined, else an {@link IllegalStateException} carrying the reason. */
    T orElseThrow();

    boolean isDefined();

    <R> Outcome<R> map(Function<? super T, ? extends R> mapper);

    /** A defined statistic. */
    record Defined<T>(T value) implements Outcome<T> {
        public Defined {
            if (value == null) {
                throw new IllegalArgumentException("a defined outcome needs a value");
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException("a defined outcome must be finite, was " + d);
            }
        }

        @Override
        public T orElseThrow() {
            return value;
        }

        @Override
        public boolean isDefined() {
            return true;
        }

        @Override
        public <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
            return new Defined<>(mapper.apply(value));
        }
    }

    /** An undefined statistic and why. */
    record Undefined<T>(String reason) implements Outcome<T> {
        public Undefined {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an undefined outcome needs a reason");
            }
        }

        @Override
        public T orElseThrow() {
            throw new IllegalStateException("undefined: " + reason);
        }

        @Override
        public boolean isDefined() {
            return false;
        }

        @Override
        public <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
            return new Undefined<>(reason);
        }
    }
}
