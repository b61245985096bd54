package org.custodian.disclosure.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Deflate (RFC 1951) without match search: every block holds literals only, coded with a
 * Huffman code of the block's own byte frequencies, as zlib's {@code HUFFMAN_ONLY}
 * strategy does, but about three times faster (a table look-up and a shift per byte). Any
 * inflater reads it. Each block is {@value #BLOCK} bytes of input (the last may be
 * shorter); its header sends the code lengths plainly, each with a four-bit code, which
 * costs about 140 bytes per block (0.1%).
 */
final class HuffmanDeflater {

	/** Input bytes per block. */
	static final int BLOCK = 128 * 1024;

	private static final int SYMBOLS = 257;

	private static final int END_OF_BLOCK = 256;

	private static final int MAX_LENGTH = 15;

	/** The longest code for which two bytes are coded with one look-up. */
	private static final int PAIRED = 12;

	/** The order in which the code-length code's lengths are sent (RFC 1951, 3.2.7). */
	private static final int[] ORDER = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

	/** 3 + 5 + 5 + 4 bits, 19 three-bit lengths, 257 + 2 four-bit lengths. */
	private static final int HEADER_BITS = 17 + 19 * 3 + (SYMBOLS + 2) * 4;

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	/** Two bytes, the first in the high bits: a pair table's index. */
	private static final VarHandle PAIR = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/** A block's coded bytes: at most 15 bits a byte, and the header. */
	private final byte[] out = new byte[2 * BLOCK + 1024];

	private final int[] frequencies = new int[SYMBOLS];

	private final int[] codes = new int[SYMBOLS];

	/**
	 * Where no code is longer than {@value #PAIRED} bits: the codes of two bytes at once,
	 * indexed by the two bytes, only for pairs of bytes the block holds.
	 */
	private int[] pairs;

	private long bits;

	private int count;

	private int position;

	/** The coded bytes of the last {@link #block}: {@code output()[0..n)}. */
	byte[] output() {
		return this.out;
	}

	/**
	 * Codes up to {@link #BLOCK} bytes as one block; the last block also flushes the
	 * remaining bits. Returns how many bytes of {@link #output()} are complete.
	 */
	int block(byte[] data, int offset, int length, boolean last) {
		int[] lengths = lengths(histogram(this.frequencies, data, offset, length));
		codes(lengths);
		this.position = 0;
		put(last ? 1 : 0, 1);
		put(2, 2);
		put(SYMBOLS - 257, 5);
		put(2 - 1, 5);
		put(ORDER.length - 4, 4);
		for (int symbol : ORDER) {
			put((symbol < 16) ? 4 : 0, 3);
		}
		for (int symbol = 0; symbol < SYMBOLS; symbol++) {
			put(reverse(lengths[symbol], 4), 4);
		}
		put(reverse(1, 4), 4);
		put(reverse(1, 4), 4);
		literals(data, offset, length, pairs(lengths));
		put(this.codes[END_OF_BLOCK] & 0xFFFFFF, this.codes[END_OF_BLOCK] >>> 24);
		if (last) {
			while (this.count > 0) {
				this.out[this.position++] = (byte) this.bits;
				this.bits >>>= 8;
				this.count = Math.max(0, this.count - 8);
			}
		}
		return this.position;
	}

	/**
	 * The deflated size of the data in bytes, coded as whole blocks and a last one,
	 * without coding it.
	 */
	static long codedSize(byte[] data, int offset, int length) {
		int[] frequencies = new int[SYMBOLS];
		long total = 0;
		for (int done = 0; done <= length; done += BLOCK) {
			int n = Math.min(BLOCK, length - done);
			histogram(frequencies, data, offset + done, n);
			int[] lengths = lengths(frequencies);
			total += HEADER_BITS;
			for (int symbol = 0; symbol < SYMBOLS; symbol++) {
				total += (long) frequencies[symbol] * lengths[symbol];
			}
		}
		return (total + 7) / 8;
	}

	/**
	 * Two codes at a time, of one byte each or, with the pair table, of two bytes each:
	 * at most 30 or 48 bits beside fewer than 8 waiting bits. Then all whole bytes are
	 * written at once (eight, of which the next write overwrites the incomplete ones),
	 * without a branch.
	 */
	private void literals(byte[] data, int offset, int length, boolean paired) {
		while (this.count >= 8) {
			this.out[this.position++] = (byte) this.bits;
			this.bits >>>= 8;
			this.count -= 8;
		}
		int[] table = paired ? this.pairs : this.codes;
		int width = paired ? 2 : 1;
		byte[] target = this.out;
		long buffer = this.bits;
		int filled = this.count;
		int at = this.position;
		int end = offset + length;
		int i = offset;
		for (; i + 2 * width <= end; i += 2 * width) {
			int first = table[index(data, i, paired)];
			int second = table[index(data, i + width, paired)];
			buffer |= (long) (first & 0xFFFFFF) << filled;
			filled += first >>> 24;
			buffer |= (long) (second & 0xFFFFFF) << filled;
			filled += second >>> 24;
			LONG.set(target, at, buffer);
			int bytes = filled >>> 3;
			at += bytes;
			buffer >>>= bytes << 3;
			filled &= 7;
		}
		this.bits = buffer;
		this.count = filled;
		this.position = at;
		for (; i < end; i++) {
			int code = this.codes[data[i] & 0xFF];
			put(code & 0xFFFFFF, code >>> 24);
		}
	}

	private static int index(byte[] data, int i, boolean paired) {
		return paired ? (short) PAIR.get(data, i) & 0xFFFF : data[i] & 0xFF;
	}

	/**
	 * Fills the pair table if every code of the block is short enough, for the bytes the
	 * block holds; returns whether it did.
	 */
	private boolean pairs(int[] lengths) {
		int[] used = new int[256];
		int n = 0;
		for (int symbol = 0; symbol < 256; symbol++) {
			if (lengths[symbol] > PAIRED) {
				return false;
			}
			if (lengths[symbol] > 0) {
				used[n++] = symbol;
			}
		}
		if (this.pairs == null) {
			this.pairs = new int[256 * 256];
		}
		for (int a = 0; a < n; a++) {
			int first = this.codes[used[a]];
			int firstLength = first >>> 24;
			for (int b = 0; b < n; b++) {
				int second = this.codes[used[b]];
				this.pairs[(used[a] << 8) | used[b]] = ((first & 0xFFFFFF) | ((second & 0xFFFFFF) << firstLength))
						| ((firstLength + (second >>> 24)) << 24);
			}
		}
		return true;
	}

	private void put(int value, int length) {
		this.bits |= (long) value << this.count;
		this.count += length;
		if (this.count >= 32) {
			INT.set(this.out, this.position, (int) this.bits);
			this.position += 4;
			this.bits >>>= 32;
			this.count -= 32;
		}
	}

	/**
	 * The symbols' frequencies; the end of block once, and always two symbols at least.
	 */
	private static int[] histogram(int[] counts, byte[] data, int offset, int length) {
		// four tables, so that runs of one byte do not wait on one counter
		int[] counts2 = new int[256];
		int[] counts3 = new int[256];
		int[] counts4 = new int[256];
		Arrays.fill(counts, 0);
		int i = offset;
		int end = offset + length;
		for (; i + 3 < end; i += 4) {
			counts[data[i] & 0xFF]++;
			counts2[data[i + 1] & 0xFF]++;
			counts3[data[i + 2] & 0xFF]++;
			counts4[data[i + 3] & 0xFF]++;
		}
		for (; i < end; i++) {
			counts[data[i] & 0xFF]++;
		}
		for (int symbol = 0; symbol < 256; symbol++) {
			counts[symbol] += counts2[symbol] + counts3[symbol] + counts4[symbol];
		}
		counts[END_OF_BLOCK] = 1;
		if (length == 0) {
			counts[0] = 1;
		}
		return counts;
	}

	/**
	 * Huffman code lengths of at most 15 bits. Where the tree is deeper, the frequencies
	 * are halved (used symbols stay used) and the code built again.
	 */
	static int[] lengths(int[] frequencies) {
		int[] weights = frequencies.clone();
		while (true) {
			int[] lengths = huffman(weights);
			if (Arrays.stream(lengths).max().orElse(0) <= MAX_LENGTH) {
				return lengths;
			}
			for (int i = 0; i < weights.length; i++) {
				weights[i] = (weights[i] == 0) ? 0 : (weights[i] >>> 1) | 1;
			}
		}
	}

	private static int[] huffman(int[] weights) {
		int n = weights.length;
		int[] parent = new int[2 * n];
		PriorityQueue<Long> queue = new PriorityQueue<>();
		for (int symbol = 0; symbol < n; symbol++) {
			if (weights[symbol] > 0) {
				queue.add(((long) weights[symbol] << 20) | symbol);
			}
		}
		int next = n;
		while (queue.size() > 1) {
			long a = queue.poll();
			long b = queue.poll();
			parent[(int) (a & 0xFFFFF)] = next;
			parent[(int) (b & 0xFFFFF)] = next;
			queue.add((((a >>> 20) + (b >>> 20)) << 20) | next);
			next++;
		}
		int root = next - 1;
		int[] depth = new int[2 * n];
		for (int node = root - 1; node >= n; node--) {
			depth[node] = depth[parent[node]] + 1;
		}
		int[] lengths = new int[n];
		for (int symbol = 0; symbol < n; symbol++) {
			if (weights[symbol] > 0) {
				lengths[symbol] = depth[parent[symbol]] + 1;
			}
		}
		return lengths;
	}

	/**
	 * Canonical codes (RFC 1951, 3.2.2), bit-reversed for sending, with their lengths.
	 */
	private void codes(int[] lengths) {
		int[] perLength = new int[MAX_LENGTH + 1];
		for (int length : lengths) {
			perLength[length]++;
		}
		perLength[0] = 0;
		int[] next = new int[MAX_LENGTH + 2];
		int code = 0;
		for (int length = 1; length <= MAX_LENGTH; length++) {
			code = (code + perLength[length - 1]) << 1;
			next[length] = code;
		}
		for (int symbol = 0; symbol < SYMBOLS; symbol++) {
			int length = lengths[symbol];
			this.codes[symbol] = (length == 0) ? 0 : reverse(next[length]++, length) | (length << 24);
		}
	}

	private static int reverse(int code, int length) {
		return Integer.reverse(code) >>> (32 - length);
	}

}
