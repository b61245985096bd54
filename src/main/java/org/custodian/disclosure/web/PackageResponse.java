package org.custodian.disclosure.web;

import org.custodian.disclosure.ProductionService;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A production package as a download, streamed from storage, with its SHA-256: the same
 * for the API and the portal.
 */
final class PackageResponse {

	private PackageResponse() {
	}

	static ResponseEntity<Resource> of(ProductionService.Download download) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(download.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.filename()).build().toString())
			.header("X-Package-SHA256", download.sha256())
			.body(new FileSystemResource(download.file()));
	}

}
