package org.custodian.disclosure;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.custodian.disclosure.format.EncodedEntry;
import org.custodian.disclosure.format.EntryEncoder;

/**
 * One entry's encoding (hash, compression, encryption) on a thread of its own, fed in
 * chunks through a short queue, so that a category's JSON and CSV are compressed and
 * encrypted side by side while its records are read once. Memory stays flat: at most a
 * few chunks wait.
 */
final class AsyncEncoder extends OutputStream {

	private static final int CHUNK = 128 * 1024;

	private static final byte[] END = new byte[0];

	private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);

	private final Thread thread;

	private volatile Throwable failure;

	private volatile EncodedEntry result;

	private byte[] buffer = new byte[CHUNK];

	private int filled;

	AsyncEncoder(char[] passphrase, int level, Path spill) throws IOException {
		OutputStream file = new BufferedOutputStream(Files.newOutputStream(spill), 256 * 1024);
		this.thread = new Thread(() -> encode(new EntryEncoder(passphrase, level, file), file),
				"package-" + spill.getFileName());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void encode(EntryEncoder encoder, OutputStream file) {
		try (file; encoder) {
			for (byte[] chunk = this.queue.take(); chunk != END; chunk = this.queue.take()) {
				encoder.write(chunk, 0, chunk.length);
			}
			this.result = encoder.finish();
		}
		catch (InterruptedException ex) {
			this.failure = ex;
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			this.failure = ex;
		}
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		while (len > 0) {
			int n = Math.min(len, CHUNK - this.filled);
			System.arraycopy(b, off, this.buffer, this.filled, n);
			this.filled += n;
			off += n;
			len -= n;
			if (this.filled == CHUNK) {
				hand(this.buffer);
				this.buffer = new byte[CHUNK];
				this.filled = 0;
			}
		}
	}

	/** Hands over the rest and waits for the entry to be encoded. */
	EncodedEntry finish() throws IOException {
		if (this.filled > 0) {
			hand(Arrays.copyOf(this.buffer, this.filled));
			this.filled = 0;
		}
		hand(END);
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while encoding");
		}
		failed();
		return this.result;
	}

	/** Stops the encoding if it has not finished (after a failure elsewhere). */
	@Override
	public void close() {
		if (this.thread.isAlive()) {
			this.thread.interrupt();
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void hand(byte[] chunk) throws IOException {
		try {
			while (!this.queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
				failed();
				if (!this.thread.isAlive()) {
					throw new IOException("the encoder stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while encoding");
		}
	}

	private void failed() throws IOException {
		Throwable cause = this.failure;
		if (cause != null) {
			throw (cause instanceof IOException io) ? io : new IOException("encoding failed: " + cause, cause);
		}
	}

}
