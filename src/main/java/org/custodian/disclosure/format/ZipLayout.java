package org.custodian.disclosure.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one layout a package's ZIP may have, written by {@link CanonicalZipWriter} and
 * required byte for byte by {@link CanonicalZipReader}: local header and data of each
 * entry back to back from offset 0, the central directory right after, then the end
 * record (with the ZIP64 end record and locator before it where needed) and nothing else.
 * ZIP64 fields appear exactly where a value needs them (see {@link Zip64}). Every entry
 * is WinZip AES-256 (method 99, AE-2: CRC 0) over stored (0) or deflated (8) data, with
 * one time for all entries.
 */
final class ZipLayout {

	static final int LOCAL = 0x04034b50;

	static final int CENTRAL = 0x02014b50;

	static final int END = 0x06054b50;

	static final int LOCAL_SIZE = 30;

	static final int CENTRAL_SIZE = 46;

	static final int END_SIZE = 22;

	static final int VERSION = 51;

	static final int FLAGS = 1;

	static final int AES = 99;

	static final int STORED = 0;

	static final int DEFLATED = 8;

	static final int EXTRA_SIZE = 11;

	static final int END64 = 0x06064b50;

	static final int LOCATOR = 0x07064b50;

	static final int END64_SIZE = 56;

	static final int LOCATOR_SIZE = 20;

	/** The ZIP64 extended information extra field's tag. */
	static final int ZIP64_TAG = 0x0001;

	/** The version needed to read ZIP64 records (APPNOTE 4.4.3.2). */
	static final int ZIP64_VERSION = 45;

	static final long MARKER = 0xFFFFFFFFL;

	static final int COUNT_MARKER = 0xFFFF;

	private ZipLayout() {
	}

	/**
	 * When a value is written in ZIP64 form: a size or offset at or above {@code bytes},
	 * an entry count at or above {@code entries}. A package's rule is {@link #NEEDED};
	 * tests lower the thresholds to write ZIP64 records into small files.
	 *
	 * @param bytes the first size or offset written as ZIP64
	 * @param entries the first entry count written as ZIP64
	 */
	record Zip64(long bytes, long entries) {

		/** ZIP64 exactly where a value does not fit the 32-bit (16-bit) field. */
		static final Zip64 NEEDED = new Zip64(MARKER, COUNT_MARKER);

		boolean big(long value) {
			return value >= this.bytes;
		}

	}

	/**
	 * One entry's header fields.
	 *
	 * @param name the entry's name (ASCII)
	 * @param method the data's compression under the encryption: stored or deflated
	 * @param compressedSize the bytes stored, salt and authentication code included
	 * @param size the file's size
	 * @param dosTime the DOS time
	 * @param dosDate the DOS date
	 */
	record Header(String name, int method, long compressedSize, long size, int dosTime, int dosDate) {

		byte[] nameBytes() {
			return this.name.getBytes(StandardCharsets.US_ASCII);
		}

		/** Both sizes go to the ZIP64 field when either needs it (APPNOTE 4.5.3). */
		boolean bigSizes(Zip64 rule) {
			return rule.big(this.compressedSize) || rule.big(this.size);
		}

		byte[] local(Zip64 rule) {
			byte[] name = nameBytes();
			boolean big = bigSizes(rule);
			int extra = (big ? 20 : 0) + EXTRA_SIZE;
			ByteBuffer buffer = little(LOCAL_SIZE + name.length + extra);
			buffer.putInt(LOCAL).putShort((short) VERSION);
			common(buffer, big);
			buffer.putShort((short) name.length).putShort((short) extra).put(name);
			if (big) {
				buffer.putShort((short) ZIP64_TAG).putShort((short) 16).putLong(this.size).putLong(this.compressedSize);
			}
			extra(buffer);
			return buffer.array();
		}

		byte[] central(long offset, Zip64 rule) {
			byte[] name = nameBytes();
			boolean big = bigSizes(rule);
			boolean far = rule.big(offset);
			int zip64 = (big ? 16 : 0) + (far ? 8 : 0);
			int extra = ((zip64 > 0) ? 4 + zip64 : 0) + EXTRA_SIZE;
			ByteBuffer buffer = little(CENTRAL_SIZE + name.length + extra);
			buffer.putInt(CENTRAL).putShort((short) VERSION).putShort((short) VERSION);
			common(buffer, big);
			buffer.putShort((short) name.length).putShort((short) extra);
			// comment length, disk, internal and external attributes
			buffer.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0);
			buffer.putInt((int) (far ? MARKER : offset)).put(name);
			if (zip64 > 0) {
				buffer.putShort((short) ZIP64_TAG).putShort((short) zip64);
			}
			if (big) {
				buffer.putLong(this.size).putLong(this.compressedSize);
			}
			if (far) {
				buffer.putLong(offset);
			}
			extra(buffer);
			return buffer.array();
		}

		private void common(ByteBuffer buffer, boolean big) {
			buffer.putShort((short) FLAGS).putShort((short) AES).putShort((short) this.dosTime);
			buffer.putShort((short) this.dosDate).putInt(0);
			buffer.putInt((int) (big ? MARKER : this.compressedSize)).putInt((int) (big ? MARKER : this.size));
		}

		/** WinZip's AES extra field: AE-2, vendor "AE", AES-256, the real method. */
		private void extra(ByteBuffer buffer) {
			buffer.putShort((short) 0x9901).putShort((short) 7).putShort((short) 2);
			buffer.put((byte) 'A').put((byte) 'E').put((byte) 3).putShort((short) this.method);
		}

	}

	/**
	 * What follows the central directory: the end record, preceded by the ZIP64 end
	 * record and its locator when a count, size or offset needs them. A field that needs
	 * ZIP64 holds the marker in the end record, the others their value.
	 */
	static byte[] tail(long entries, long directorySize, long directoryOffset, Zip64 rule) {
		boolean many = entries >= rule.entries();
		boolean large = rule.big(directorySize);
		boolean far = rule.big(directoryOffset);
		boolean zip64 = many || large || far;
		ByteBuffer buffer = little((zip64 ? END64_SIZE + LOCATOR_SIZE : 0) + END_SIZE);
		if (zip64) {
			buffer.putInt(END64).putLong(END64_SIZE - 12).putShort((short) VERSION).putShort((short) ZIP64_VERSION);
			buffer.putInt(0).putInt(0).putLong(entries).putLong(entries);
			buffer.putLong(directorySize).putLong(directoryOffset);
			buffer.putInt(LOCATOR).putInt(0).putLong(directoryOffset + directorySize).putInt(1);
		}
		short count = (short) (many ? COUNT_MARKER : entries);
		buffer.putInt(END).putShort((short) 0).putShort((short) 0).putShort(count).putShort(count);
		buffer.putInt((int) (large ? MARKER : directorySize)).putInt((int) (far ? MARKER : directoryOffset));
		buffer.putShort((short) 0);
		return buffer.array();
	}

	static ByteBuffer little(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** DOS time of an instant in UTC (two-second resolution). */
	static int dosTime(Instant at) {
		LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
		return (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2);
	}

	/** DOS date of an instant in UTC. */
	static int dosDate(Instant at) {
		LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
		return ((Math.max(time.getYear(), 1980) - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();
	}

	/** Names of a package's entries: letters, digits, '.', '_', '-' and '/' only. */
	static boolean plainName(String name) {
		return !name.isEmpty() && name.length() < 256
				&& name.chars()
					.allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
							|| c == '.' || c == '_' || c == '-' || c == '/')
				&& !name.startsWith("/") && !name.contains("..");
	}

}
