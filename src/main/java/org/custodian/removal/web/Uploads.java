package org.custodian.removal.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.custodian.intake.IntakeService.Upload;

import org.springframework.web.multipart.MultipartFile;

/**
 * The order as uploaded: through the API, a part that was sent (even empty, which the
 * checks then refuse); from a browser, a file that was chosen.
 */
final class Uploads {

	private Uploads() {
	}

	/** A browser sends an empty part when no file was chosen: no document. */
	static Upload chosen(MultipartFile file) {
		return (file == null || file.isEmpty()) ? null : of(file);
	}

	static Upload of(MultipartFile file) {
		if (file == null) {
			return null;
		}
		try {
			return new Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
