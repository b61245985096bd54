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
 * record and nothing else. Every entry is WinZip AES-256 (method 99, AE-2: CRC 0) over
 * stored (0) or deflated (8) data, with one time for all entries.
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

	/** Without ZIP64, sizes and offsets stay below 4 GiB. */
	static final long LIMIT = 0xFFFFFFFFL;

	private ZipLayout() {
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

		byte[] local() {
			byte[] name = nameBytes();
			ByteBuffer buffer = little(LOCAL_SIZE + name.length + EXTRA_SIZE);
			buffer.putInt(LOCAL).putShort((short) VERSION);
			common(buffer);
			buffer.putShort((short) name.length).putShort((short) EXTRA_SIZE).put(name);
			extra(buffer);
			return buffer.array();
		}

		byte[] central(long offset) {
			byte[] name = nameBytes();
			ByteBuffer buffer = little(CENTRAL_SIZE + name.length + EXTRA_SIZE);
			buffer.putInt(CENTRAL).putShort((short) VERSION).putShort((short) VERSION);
			common(buffer);
			buffer.putShort((short) name.length).putShort((short) EXTRA_SIZE);
			// comment length, disk, internal and external attributes
			buffer.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0);
			buffer.putInt((int) offset).put(name);
			extra(buffer);
			return buffer.array();
		}

		private void common(ByteBuffer buffer) {
			buffer.putShort((short) FLAGS).putShort((short) AES).putShort((short) this.dosTime);
			buffer.putShort((short) this.dosDate).putInt(0);
			buffer.putInt((int) this.compressedSize).putInt((int) this.size);
		}

		/** WinZip's AES extra field: AE-2, vendor "AE", AES-256, the real method. */
		private void extra(ByteBuffer buffer) {
			buffer.putShort((short) 0x9901).putShort((short) 7).putShort((short) 2);
			buffer.put((byte) 'A').put((byte) 'E').put((byte) 3).putShort((short) this.method);
		}

	}

	static byte[] end(int entries, long directorySize, long directoryOffset) {
		ByteBuffer buffer = little(END_SIZE);
		buffer.putInt(END).putShort((short) 0).putShort((short) 0);
		buffer.putShort((short) entries).putShort((short) entries);
		buffer.putInt((int) directorySize).putInt((int) directoryOffset).putShort((short) 0);
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
