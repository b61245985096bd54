package org.custodian.disclosure.format;

/**
 * One encoded entry, ready for its ZIP header.
 *
 * @param method the compression under the encryption (0 stored, 8 deflated)
 * @param coding how it was compressed: {@code stored}, {@code huffman} or {@code deflate}
 * @param storedSize the encrypted bytes, salt and authentication code included
 * @param size the file's size
 * @param sha256 the file's SHA-256 (hex)
 */
public record EncodedEntry(int method, String coding, long storedSize, long size, String sha256) {
}
