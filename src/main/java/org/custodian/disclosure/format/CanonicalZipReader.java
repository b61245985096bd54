package org.custodian.disclosure.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a package's ZIP structure and refuses anything but the canonical layout of
 * {@link ZipLayout}: every local header and central directory record is parsed and must
 * agree field by field with the other and with what the writer writes, and no byte may
 * lie outside the entries, the central directory and the end records. ZIP64 fields and
 * records must be present exactly where the writer puts them. With each entry's AES
 * authentication and the signed manifest's hashes, this leaves no byte of the file
 * unchecked.
 */
public final class CanonicalZipReader {

	private CanonicalZipReader() {
	}

	/**
	 * An entry found where the layout says.
	 *
	 * @param header its header fields
	 * @param dataOffset where its encrypted bytes start
	 */
	public record Entry(ZipLayout.Header header, long dataOffset) {

		public String name() {
			return this.header.name();
		}

	}

	/** The file is not laid out as a package is. */
	public static final class NotCanonical extends Exception {

		private static final long serialVersionUID = 1L;

		NotCanonical(String message) {
			super(message);
		}

	}

	public static List<Entry> read(FileChannel file) throws IOException, NotCanonical {
		return read(file, ZipLayout.Zip64.NEEDED);
	}

	/** With other ZIP64 thresholds than a package's: for tests. */
	static List<Entry> read(FileChannel file, ZipLayout.Zip64 rule) throws IOException, NotCanonical {
		long length = file.size();
		if (length < ZipLayout.END_SIZE) {
			throw new NotCanonical("not a package's ZIP (size " + length + ")");
		}
		ByteBuffer end = at(file, length - ZipLayout.END_SIZE, ZipLayout.END_SIZE);
		if (end.getInt() != ZipLayout.END) {
			throw new NotCanonical("no end record at the end of the file");
		}
		end.position(10);
		long count = Short.toUnsignedInt(end.getShort());
		long directorySize = Integer.toUnsignedLong(end.getInt());
		long directoryOffset = Integer.toUnsignedLong(end.getInt());
		if (count == ZipLayout.COUNT_MARKER || directorySize == ZipLayout.MARKER
				|| directoryOffset == ZipLayout.MARKER) {
			long record = length - ZipLayout.END_SIZE - ZipLayout.LOCATOR_SIZE - ZipLayout.END64_SIZE;
			if (record < 0) {
				throw new NotCanonical("the end record points to a ZIP64 end record that is not there");
			}
			ByteBuffer end64 = at(file, record, ZipLayout.END64_SIZE);
			end64.position(32);
			count = end64.getLong();
			directorySize = end64.getLong();
			directoryOffset = end64.getLong();
		}
		if (count < 0 || count > Integer.MAX_VALUE || directorySize < 0 || directoryOffset < 0
				|| directoryOffset > length) {
			throw new NotCanonical("the end record's count, size or offset is out of range");
		}
		byte[] tail = ZipLayout.tail(count, directorySize, directoryOffset, rule);
		if (directoryOffset + directorySize != length - tail.length) {
			throw new NotCanonical("bytes between the central directory and the end record");
		}
		if (!Arrays.equals(tail, at(file, length - tail.length, tail.length).array())) {
			throw new NotCanonical("the end record is not the canonical one");
		}
		List<Entry> entries = locals(file, (int) count, directoryOffset, rule);
		long position = directoryOffset;
		for (Entry entry : entries) {
			byte[] expected = entry.header().central(entry.dataOffset() - entry.header().local(rule).length, rule);
			if (position + expected.length > directoryOffset + directorySize) {
				throw new NotCanonical(entry.name() + ": its central directory record runs past the directory");
			}
			byte[] found = at(file, position, expected.length).array();
			if (!Arrays.equals(expected, found)) {
				throw new NotCanonical(entry.name() + ": the central directory record differs from the local header");
			}
			position += expected.length;
		}
		if (position != directoryOffset + directorySize) {
			throw new NotCanonical("the central directory has bytes no entry accounts for");
		}
		return entries;
	}

	/** The entries' local headers, back to back from offset 0 up to the directory. */
	private static List<Entry> locals(FileChannel file, int count, long directoryOffset, ZipLayout.Zip64 rule)
			throws IOException, NotCanonical {
		List<Entry> entries = new ArrayList<>();
		Set<String> names = new HashSet<>();
		long position = 0;
		for (int i = 0; i < count; i++) {
			if (position + ZipLayout.LOCAL_SIZE > directoryOffset) {
				throw new NotCanonical("entry " + (i + 1) + " lies beyond the central directory's start");
			}
			ZipLayout.Header header = header(file, position);
			String text = header.name();
			byte[] expected = header.local(rule);
			long storedSize = header.compressedSize();
			if (!ZipLayout.plainName(text) || !names.add(text) || storedSize < WinZipAes.OVERHEAD
					|| storedSize > directoryOffset || header.size() < 0
					|| !Arrays.equals(expected, at(file, position, expected.length).array())) {
				throw new NotCanonical("entry " + (i + 1) + " (" + printable(text) + "): not a canonical local header");
			}
			if (header.method() != ZipLayout.STORED && header.method() != ZipLayout.DEFLATED) {
				throw new NotCanonical(
						"entry " + (i + 1) + ": compression method " + header.method() + " is not used here");
			}
			if (!entries.isEmpty() && (entries.get(0).header().dosTime() != header.dosTime()
					|| entries.get(0).header().dosDate() != header.dosDate())) {
				throw new NotCanonical("entry " + (i + 1) + ": its time differs from the other entries'");
			}
			entries.add(new Entry(header, position + expected.length));
			position += expected.length + storedSize;
		}
		if (position != directoryOffset) {
			throw new NotCanonical("bytes between the last entry and the central directory");
		}
		return entries;
	}

	/**
	 * The header fields a local header at position states: sizes from its ZIP64 field
	 * when both fixed ones hold the marker, the method from the AES field after it.
	 */
	private static ZipLayout.Header header(FileChannel file, long position) throws IOException {
		ByteBuffer fixed = at(file, position, ZipLayout.LOCAL_SIZE);
		fixed.position(10);
		int dosTime = Short.toUnsignedInt(fixed.getShort());
		int dosDate = Short.toUnsignedInt(fixed.getShort());
		fixed.position(18);
		long storedSize = Integer.toUnsignedLong(fixed.getInt());
		long size = Integer.toUnsignedLong(fixed.getInt());
		int nameLength = Short.toUnsignedInt(fixed.getShort());
		String name = new String(at(file, position + ZipLayout.LOCAL_SIZE, nameLength).array(),
				StandardCharsets.US_ASCII);
		long extra = position + ZipLayout.LOCAL_SIZE + nameLength;
		if (storedSize == ZipLayout.MARKER && size == ZipLayout.MARKER && extra + 20 <= file.size()) {
			ByteBuffer zip64 = at(file, extra + 4, 16);
			size = zip64.getLong();
			storedSize = zip64.getLong();
			extra += 20;
		}
		return new ZipLayout.Header(name, method(file, extra), storedSize, size, dosTime, dosDate);
	}

	private static int method(FileChannel file, long extra) throws IOException {
		if (extra + ZipLayout.EXTRA_SIZE > file.size()) {
			return -1;
		}
		ByteBuffer buffer = at(file, extra + 9, 2);
		return Short.toUnsignedInt(buffer.getShort());
	}

	static ByteBuffer at(FileChannel file, long position, int length) throws IOException {
		ByteBuffer buffer = ZipLayout.little(length);
		while (buffer.hasRemaining()) {
			if (file.read(buffer, position + buffer.position()) < 0) {
				throw new IOException("the file ends early");
			}
		}
		buffer.flip();
		return buffer;
	}

	private static String printable(String name) {
		return name.replaceAll("[^A-Za-z0-9._/-]", "?");
	}

}
