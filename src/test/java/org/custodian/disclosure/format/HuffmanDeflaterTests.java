package org.custodian.disclosure.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java Huffman-only deflate: what the JDK's zlib inflates is exactly the input, its
 * size is what {@code codedSize} predicts, and it is no larger than zlib's own
 * Huffman-only deflate by more than a block header.
 */
class HuffmanDeflaterTests {

	@Test
	void zlibInflatesExactlyWhatWasCoded() throws Exception {
		SplittableRandom random = new SplittableRandom(3);
		byte[] text = new byte[3 * HuffmanDeflater.BLOCK + 12_345];
		byte[] alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,"
			.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < text.length; i++) {
			text[i] = alphabet[random.nextInt(alphabet.length)];
		}
		byte[] noise = new byte[HuffmanDeflater.BLOCK + 1];
		random.nextBytes(noise);
		byte[] same = new byte[HuffmanDeflater.BLOCK];
		Arrays.fill(same, (byte) 'x');
		byte[] zeros = new byte[1000];
		for (byte[] data : new byte[][] { new byte[0], { 7 }, { 0 }, zeros, same, text, noise, fibonacci() }) {
			byte[] coded = code(data);
			assertThat(inflate(coded, data.length)).isEqualTo(data);
			assertThat(coded).hasSize((int) HuffmanDeflater.codedSize(data, 0, data.length));
		}
	}

	@Test
	void limitsCodesToFifteenBitsWhereTheTreeWouldBeDeeper() throws Exception {
		byte[] data = fibonacci();
		int[] frequencies = new int[257];
		for (byte b : data) {
			frequencies[b & 0xFF]++;
		}
		frequencies[256] = 1;
		// 22 symbols and the end of block: an unlimited Huffman tree is 22 deep
		assertThat(Arrays.stream(HuffmanDeflater.lengths(frequencies)).max().getAsInt()).isBetween(9, 15);
		assertThat(inflate(code(data), data.length)).isEqualTo(data);
	}

	@Test
	void isAboutAsSmallAsZlibsHuffmanOnlyDeflate() {
		SplittableRandom random = new SplittableRandom(5);
		byte[] data = new byte[4 * HuffmanDeflater.BLOCK];
		for (int i = 0; i < data.length; i++) {
			data[i] = (byte) ('a' + Math.min(25, (int) Math.abs(random.nextGaussian() * 6)));
		}
		Deflater zlib = new Deflater(1, true);
		zlib.setStrategy(Deflater.HUFFMAN_ONLY);
		zlib.setInput(data);
		zlib.finish();
		byte[] buffer = new byte[data.length];
		long zlibSize = 0;
		while (!zlib.finished()) {
			zlibSize += zlib.deflate(buffer);
		}
		zlib.end();
		assertThat(code(data).length).isLessThan((int) (zlibSize * 1.005));
	}

	/** A file whose byte frequencies are Fibonacci numbers: a Huffman tree 21 deep. */
	private static byte[] fibonacci() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int a = 1;
		int b = 1;
		for (int symbol = 0; symbol < 22; symbol++) {
			for (int i = 0; i < a; i++) {
				out.write('A' + symbol);
			}
			int c = a + b;
			a = b;
			b = c;
		}
		return out.toByteArray();
	}

	/** Codes the data as the entry encoder does: whole blocks, then a last one. */
	private static byte[] code(byte[] data) {
		HuffmanDeflater coder = new HuffmanDeflater();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int done = 0;
		while (data.length - done >= HuffmanDeflater.BLOCK) {
			out.write(coder.output(), 0, coder.block(data, done, HuffmanDeflater.BLOCK, false));
			done += HuffmanDeflater.BLOCK;
		}
		out.write(coder.output(), 0, coder.block(data, done, data.length - done, true));
		return out.toByteArray();
	}

	private static byte[] inflate(byte[] coded, int size) throws DataFormatException {
		Inflater inflater = new Inflater(true);
		inflater.setInput(coded);
		byte[] result = new byte[size + 1];
		int n = 0;
		while (!inflater.finished()) {
			int read = inflater.inflate(result, n, result.length - n);
			assertThat(read > 0 || inflater.finished() || !inflater.needsInput()).isTrue();
			n += read;
		}
		assertThat(inflater.getRemaining()).isZero();
		inflater.end();
		return Arrays.copyOf(result, n);
	}

}
