package org.custodian.disclosure;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Bytes gathered into a buffer of 64 KiB and handed on in large writes; a run larger than
 * the buffer is handed on whole. Shared by a part's JSON and CSV writers.
 */
final class OutputBuffer {

	private final OutputStream out;

	private final byte[] buffer = new byte[64 * 1024];

	private int filled;

	OutputBuffer(OutputStream out) {
		this.out = out;
	}

	void put(byte b) throws IOException {
		if (this.filled == this.buffer.length) {
			drain();
		}
		this.buffer[this.filled++] = b;
	}

	void put(byte[] bytes, int offset, int length) throws IOException {
		if (length > this.buffer.length - this.filled) {
			drain();
			if (length > this.buffer.length) {
				this.out.write(bytes, offset, length);
				return;
			}
		}
		System.arraycopy(bytes, offset, this.buffer, this.filled, length);
		this.filled += length;
	}

	/** Hands on what is buffered, and flushes the stream. */
	void flush() throws IOException {
		drain();
		this.out.flush();
	}

	private void drain() throws IOException {
		if (this.filled > 0) {
			this.out.write(this.buffer, 0, this.filled);
			this.filled = 0;
		}
	}

}
