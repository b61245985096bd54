package org.custodian.web.fuzz;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The fuzz test's one source of randomness, seeded so that a run can be replayed exactly:
 * {@code -Dfuzz.seed=…} or, without it, a random seed the test prints.
 */
final class FuzzRandom {

	static final String SEED_PROPERTY = "fuzz.seed";

	private final long seed;

	private final SplittableRandom random;

	FuzzRandom(long seed) {
		this.seed = seed;
		this.random = new SplittableRandom(seed);
	}

	/** Seeded from {@code -Dfuzz.seed}, or at random when it is not set. */
	static FuzzRandom fromSystemProperty() {
		String seed = System.getProperty(SEED_PROPERTY, "").trim();
		return new FuzzRandom(seed.isEmpty() ? ThreadLocalRandom.current().nextLong() : Long.parseLong(seed));
	}

	long seed() {
		return this.seed;
	}

	/** Between {@code min} and {@code max}, both included. */
	int between(int min, int max) {
		return this.random.nextInt(min, max + 1);
	}

	boolean nextBoolean() {
		return this.random.nextBoolean();
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** One of the choices, each as often as its weight says. */
	@SafeVarargs
	final <T> T frequencyOf(Weighted<? extends T>... choices) {
		int total = 0;
		for (Weighted<? extends T> choice : choices) {
			total += choice.weight();
		}
		int ticket = this.random.nextInt(total);
		for (Weighted<? extends T> choice : choices) {
			ticket -= choice.weight();
			if (ticket < 0) {
				return choice.value().get();
			}
		}
		throw new IllegalStateException("no choice for the ticket");
	}

	/**
	 * A string of {@code min} to {@code max} characters, each from one of the inclusive
	 * ranges given as pairs ({@code 'a', 'z', 'A', 'Z'}), every character equally likely.
	 */
	String string(int min, int max, char... ranges) {
		int size = 0;
		for (int i = 0; i < ranges.length; i += 2) {
			size += ranges[i + 1] - ranges[i] + 1;
		}
		StringBuilder text = new StringBuilder();
		for (int length = between(min, max); text.length() < length;) {
			int index = this.random.nextInt(size);
			int range = 0;
			while (index > ranges[range + 1] - ranges[range]) {
				index -= ranges[range + 1] - ranges[range] + 1;
				range += 2;
			}
			text.append((char) (ranges[range] + index));
		}
		return text.toString();
	}

	static <T> Weighted<T> weighted(int weight, Supplier<T> value) {
		return new Weighted<>(weight, value);
	}

	/** A choice for {@link #frequencyOf} with its weight. */
	record Weighted<T>(int weight, Supplier<T> value) {
	}

}
