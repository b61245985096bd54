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
 * lie outside the entries, the central directory and the end record. With each entry's
 * AES authentication and the signed manifest's hashes, this leaves no byte of the file
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
		long length = file.size();
		if (length < ZipLayout.END_SIZE || length >= ZipLayout.LIMIT) {
			throw new NotCanonical("not a package's ZIP (size " + length + ")");
		}
		ByteBuffer end = at(file, length - ZipLayout.END_SIZE, ZipLayout.END_SIZE);
		if (end.getInt() != ZipLayout.END) {
			throw new NotCanonical("no end record at the end of the file");
		}
		end.position(10);
		int count = Short.toUnsignedInt(end.getShort());
		long directorySize = Integer.toUnsignedLong(end.getInt());
		long directoryOffset = Integer.toUnsignedLong(end.getInt());
		if (directoryOffset + directorySize != length - ZipLayout.END_SIZE) {
			throw new NotCanonical("bytes between the central directory and the end record");
		}
		List<Entry> entries = locals(file, count, directoryOffset);
		long position = directoryOffset;
		for (Entry entry : entries) {
			byte[] expected = entry.header().central(entry.dataOffset() - local(entry.header()));
			byte[] found = at(file, position, expected.length).array();
			if (!Arrays.equals(expected, found)) {
				throw new NotCanonical(entry.name() + ": the central directory record differs from the local header");
			}
			position += expected.length;
		}
		if (position != directoryOffset + directorySize) {
			throw new NotCanonical("the central directory has bytes no entry accounts for");
		}
		byte[] expectedEnd = ZipLayout.end(count, directorySize, directoryOffset);
		if (!Arrays.equals(expectedEnd, at(file, position, ZipLayout.END_SIZE).array())) {
			throw new NotCanonical("the end record is not the canonical one");
		}
		return entries;
	}

	/** The entries' local headers, back to back from offset 0 up to the directory. */
	private static List<Entry> locals(FileChannel file, int count, long directoryOffset)
			throws IOException, NotCanonical {
		List<Entry> entries = new ArrayList<>();
		Set<String> names = new HashSet<>();
		long position = 0;
		for (int i = 0; i < count; i++) {
			if (position + ZipLayout.LOCAL_SIZE > directoryOffset) {
				throw new NotCanonical("entry " + (i + 1) + " lies beyond the central directory's start");
			}
			ByteBuffer fixed = at(file, position, ZipLayout.LOCAL_SIZE);
			fixed.position(10);
			int dosTime = Short.toUnsignedInt(fixed.getShort());
			int dosDate = Short.toUnsignedInt(fixed.getShort());
			fixed.position(18);
			long storedSize = Integer.toUnsignedLong(fixed.getInt());
			long size = Integer.toUnsignedLong(fixed.getInt());
			int nameLength = Short.toUnsignedInt(fixed.getShort());
			ByteBuffer name = at(file, position + ZipLayout.LOCAL_SIZE, nameLength);
			String text = new String(name.array(), StandardCharsets.US_ASCII);
			int method = method(file, position + ZipLayout.LOCAL_SIZE + nameLength);
			ZipLayout.Header header = new ZipLayout.Header(text, method, storedSize, size, dosTime, dosDate);
			byte[] expected = header.local();
			if (!ZipLayout.plainName(text) || !names.add(text) || storedSize < WinZipAes.OVERHEAD
					|| !Arrays.equals(expected, at(file, position, expected.length).array())) {
				throw new NotCanonical("entry " + (i + 1) + " (" + printable(text) + "): not a canonical local header");
			}
			if (method != ZipLayout.STORED && method != ZipLayout.DEFLATED) {
				throw new NotCanonical("entry " + (i + 1) + ": compression method " + method + " is not used here");
			}
			if (!entries.isEmpty()
					&& (entries.get(0).header().dosTime() != dosTime || entries.get(0).header().dosDate() != dosDate)) {
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

	private static int method(FileChannel file, long extra) throws IOException {
		if (extra + ZipLayout.EXTRA_SIZE > file.size()) {
			return -1;
		}
		ByteBuffer buffer = at(file, extra + 9, 2);
		return Short.toUnsignedInt(buffer.getShort());
	}

	private static long local(ZipLayout.Header header) {
		return header.local().length;
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
