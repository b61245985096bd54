package org.custodian.bench;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.custodian.disclosure.DataRecord;
import org.custodian.disclosure.PackageBuilder;
import org.custodian.disclosure.RecordSource;
import org.custodian.disclosure.SigningKeys;
import org.custodian.shared.DataCategory;

/**
 * Package build throughput for one synthetic account of a given size (default 1024 MB of
 * record text), next to raw AES-256-GCM + SHA-256 over the same bytes on this machine.
 * Not a test: run it by hand (see the README's Performance section).
 */
public final class PackageBenchmark {

	/** The console: this is a program for a person at a terminal. */
	private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
			StandardCharsets.UTF_8);

	private static final int BODY = 1000;

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,"
		.toCharArray();

	private PackageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long megabytes = (args.length > 0) ? Long.parseLong(args[0]) : 1024;
		boolean words = args.length > 1 && "words".equals(args[1]);
		int level = (args.length > 2) ? Integer.parseInt(args[2]) : 1;
		long records = megabytes * 1024 * 1024 / BODY;
		Synthetic source = new Synthetic(records, words);
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		SigningKeys.Signer signer = new SigningKeys.Signer(SigningKeys.keyId(pair.getPublic()), pair.getPublic(),
				pair.getPrivate());
		PackageBuilder.Spec spec = new PackageBuilder.Spec("CR-BENCH-000001", "bench", "Benchmark Police",
				Set.of(DataCategory.CONTENT), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31),
				List.of(new PackageBuilder.Target("USER_ID", "bench-1", "bench-1")), Instant.now());
		Path directory = Files.createTempDirectory("custodian-bench");
		Path file = directory.resolve("package.zip");
		char[] passphrase = "correct-horse-battery".toCharArray();
		int cores = Runtime.getRuntime().availableProcessors();
		try {
			OUT.printf("Synthetic account: %,d records of %d characters of %s text (%,d MB); %d cores, load %.1f%n",
					records, BODY, words ? "word" : "random", megabytes, cores, load());
			// a server runs warm: one small build first, so that the JIT has compiled the
			// path
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024)) {
				PackageBuilder.build(spec, new Synthetic(32L * 1024 * 1024 / BODY, words), passphrase, signer, out,
						new PackageBuilder.Settings(level, cores, directory.resolve("package.zip.part0")));
			}
			long start = System.nanoTime();
			long cpu = cpu();
			long read = source.export("bench-1", DataCategory.CONTENT, spec.from(), spec.to()).count();
			OUT.printf("The source alone (%,d records read, not written): %.2f s, %.2f CPU-s%n", read,
					(System.nanoTime() - start) / 1e9, (cpu() - cpu) / 1e9);
			start = System.nanoTime();
			cpu = cpu();
			PackageBuilder.Result result;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024)) {
				result = PackageBuilder.build(spec, source, passphrase, signer, out,
						new PackageBuilder.Settings(level, cores, directory.resolve("package.zip.part1")));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double written = result.dataBytes() / 1e6;
			double fresh = written / seconds;
			double freshCpu = written / ((cpu() - cpu) / 1e9);
			OUT.printf(
					"Package build (JDK AES, one pass, level %d): %,.0f MB of JSON+CSV in %.1f s = %.1f MB/s "
							+ "(%.1f MB per CPU-second); package %,d MB; peak heap %,d MB of %,d%n",
					level, written, seconds, fresh, freshCpu, Files.size(file) / 1_000_000, peakHeap() / 1_000_000,
					Runtime.getRuntime().maxMemory() / 1_000_000);
			double old = Double.NaN;
			double oldCpu = Double.NaN;
			if (Boolean.parseBoolean(System.getProperty("bench.old", "true"))) {
				start = System.nanoTime();
				cpu = cpu();
				long oldBytes;
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024)) {
					oldBytes = Zip4jBaseline.build(source, "bench-1", DataCategory.CONTENT, spec.from(), spec.to(),
							passphrase, out);
				}
				seconds = (System.nanoTime() - start) / 1e9;
				old = oldBytes / 1e6 / seconds;
				oldCpu = oldBytes / 1e6 / ((cpu() - cpu) / 1e9);
				OUT.printf(
						"Old path (zip4j, read twice, deflate fastest): %,.0f MB in %.1f s = %.1f MB/s "
								+ "(%.1f MB per CPU-second); package %,d MB%n",
						oldBytes / 1e6, seconds, old, oldCpu, Files.size(file) / 1_000_000);
			}
			double raw = baseline(result.dataBytes());
			OUT.printf(
					"Ratios: new / old = %.1f (per CPU-second %.1f); new / raw AES-GCM+SHA-256 = 1/%.1f; "
							+ "per CPU-second on all %d cores: %.0f MB/s; load now %.1f%n",
					fresh / old, freshCpu / oldCpu, raw / fresh, cores, freshCpu * cores, load());
		}
		finally {
			try (Stream<Path> left = Files.list(directory)) {
				for (Path path : (Iterable<Path>) left::iterator) {
					Files.delete(path);
				}
			}
			Files.delete(directory);
		}
	}

	/** The most heap in use at once so far, over the heap's pools, in bytes. */
	private static long peakHeap() {
		return java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

	/** This process's CPU time in nanoseconds, all threads. */
	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double load() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * AES-256-GCM and SHA-256 over the same number of bytes, in memory, 64 KiB at a time,
	 * after a warm-up so that the JIT's AES and SHA intrinsics are in use.
	 */
	private static double baseline(long bytes) throws Exception {
		// GCM's intrinsics take about a gigabyte to kick in; a server runs warm.
		for (int round = 0; round < 4; round++) {
			encryptAndHash(256L * 1024 * 1024);
		}
		long start = System.nanoTime();
		encryptAndHash(bytes);
		double seconds = (System.nanoTime() - start) / 1e9;
		OUT.printf("Raw AES-256-GCM + SHA-256: %,.0f MB in %.1f s = %.1f MB/s%n", bytes / 1e6, seconds,
				bytes / 1e6 / seconds);
		return bytes / 1e6 / seconds;
	}

	/**
	 * One GCM message per 256 MiB (GCM takes at most 2 GiB under one IV), as per file.
	 */
	private static void encryptAndHash(long bytes) throws Exception {
		SecureRandom random = new SecureRandom();
		byte[] key = new byte[32];
		random.nextBytes(key);
		SecretKeySpec secret = new SecretKeySpec(key, "AES");
		byte[] chunk = new byte[64 * 1024];
		new SplittableRandom(7).nextBytes(chunk);
		byte[] output = new byte[chunk.length + 16];
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		long segment = 256L * 1024 * 1024;
		for (long done = 0; done < bytes; done += chunk.length) {
			if (done % segment == 0) {
				if (done > 0) {
					sha.update(cipher.doFinal());
				}
				byte[] iv = new byte[12];
				random.nextBytes(iv);
				cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(128, iv));
			}
			int written = cipher.update(chunk, 0, chunk.length, output);
			sha.update(output, 0, written);
		}
		sha.update(cipher.doFinal());
		sha.digest();
	}

	/** Words of two to nine letters from a vocabulary of 2 000, as a language has. */
	private static void fillWords(char[] body, SplittableRandom random) {
		int c = 0;
		while (c < body.length) {
			int word = (int) Math.min(1999, Math.abs(random.nextGaussian() * 400));
			SplittableRandom letters = new SplittableRandom(word);
			int length = 2 + letters.nextInt(8);
			for (int i = 0; i < length && c < body.length; i++) {
				body[c++] = ALPHABET[letters.nextInt(26)];
			}
			if (c < body.length) {
				body[c++] = ' ';
			}
		}
	}

	/**
	 * One account's messages. The bodies come from a pool of {@value #POOL} generated
	 * before the clock starts (4 MB: far more than deflate's 32 KiB window, so no match
	 * is found that a real account would not have), so the builder is measured and not
	 * the generator; each record is still a fresh map and record, as a real source makes.
	 */
	private static final class Synthetic implements RecordSource {

		private static final int POOL = 4096;

		private final long records;

		private final String[] bodies = new String[POOL];

		Synthetic(long records, boolean words) {
			this.records = records;
			SplittableRandom random = new SplittableRandom(42);
			char[] body = new char[BODY];
			for (int b = 0; b < POOL; b++) {
				if (words) {
					fillWords(body, random);
				}
				else {
					for (int c = 0; c < body.length; c++) {
						body[c] = ALPHABET[random.nextInt(ALPHABET.length)];
					}
				}
				this.bodies[b] = new String(body);
			}
		}

		@Override
		public List<String> fields(DataCategory category) {
			return List.of("from", "to", "body");
		}

		@Override
		public Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to) {
			SplittableRandom random = new SplittableRandom(7);
			Instant first = from.atStartOfDay().toInstant(ZoneOffset.UTC);
			return Stream.iterate(0L, (i) -> i < this.records, (i) -> i + 1).map((i) -> {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("from", accountId);
				fields.put("to", "friend" + (i % 97));
				fields.put("body", this.bodies[random.nextInt(POOL)]);
				return new DataRecord("message", first.plusSeconds(i * 30), fields);
			});
		}

	}

}
