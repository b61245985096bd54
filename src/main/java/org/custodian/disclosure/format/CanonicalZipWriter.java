package org.custodian.disclosure.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a package's ZIP in its one canonical layout (see {@link ZipLayout}), to a plain
 * stream: every entry's encrypted bytes are ready before its header is written, so no
 * sizes are patched afterwards and no data descriptors are needed.
 */
public final class CanonicalZipWriter {

	private final OutputStream out;

	private final int dosTime;

	private final int dosDate;

	private final List<ZipLayout.Header> headers = new ArrayList<>();

	private final List<Long> offsets = new ArrayList<>();

	private final ZipLayout.Zip64 rule;

	private long offset;

	/**
	 * @param out where the ZIP goes (not closed here)
	 * @param time the time every entry carries
	 */
	public CanonicalZipWriter(OutputStream out, Instant time) {
		this(out, time, ZipLayout.Zip64.NEEDED);
	}

	/** With other ZIP64 thresholds than a package's: for tests. */
	CanonicalZipWriter(OutputStream out, Instant time, ZipLayout.Zip64 rule) {
		this.out = out;
		this.rule = rule;
		this.dosTime = ZipLayout.dosTime(time);
		this.dosDate = ZipLayout.dosDate(time);
	}

	/**
	 * Adds an entry: its header, then exactly {@code entry.storedSize()} bytes from data.
	 */
	public void add(String name, EncodedEntry entry, InputStream data) throws IOException {
		if (!ZipLayout.plainName(name)) {
			throw new IllegalArgumentException("Not a plain entry name: " + name);
		}
		ZipLayout.Header header = new ZipLayout.Header(name, entry.method(), entry.storedSize(), entry.size(),
				this.dosTime, this.dosDate);
		this.headers.add(header);
		this.offsets.add(this.offset);
		write(header.local(this.rule));
		byte[] buffer = new byte[128 * 1024];
		long left = entry.storedSize();
		while (left > 0) {
			int read = data.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new IOException(name + ": its encrypted data ended early");
			}
			this.out.write(buffer, 0, read);
			left -= read;
		}
		this.offset += entry.storedSize();
	}

	/**
	 * Writes the central directory and the end record, with the ZIP64 end record and
	 * locator where needed.
	 */
	public void finish() throws IOException {
		long directory = this.offset;
		for (int i = 0; i < this.headers.size(); i++) {
			write(this.headers.get(i).central(this.offsets.get(i), this.rule));
		}
		this.out.write(ZipLayout.tail(this.headers.size(), this.offset - directory, directory, this.rule));
		this.out.flush();
	}

	private void write(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.offset += bytes.length;
	}

}
