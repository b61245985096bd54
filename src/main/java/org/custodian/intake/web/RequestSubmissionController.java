package org.custodian.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.custodian.identity.CurrentUser;
import org.custodian.intake.IntakeService;
import org.custodian.intake.IntakeService.Upload;
import org.custodian.intake.Receipt;
import org.custodian.intake.RequestStatuses;
import org.custodian.intake.SubmissionForm;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/requests")
class RequestSubmissionController {

	private final IntakeService intake;

	private final RequestStatuses statuses;

	RequestSubmissionController(IntakeService intake, RequestStatuses statuses) {
		this.intake = intake;
		this.statuses = statuses;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> submit(@RequestBody SubmissionForm form,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal CurrentUser officer) {
		return receipt(this.intake.submit(officer, form, null, idempotencyKey));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> submitWithDocument(@RequestPart("request") String request,
			@RequestPart(name = "document", required = false) MultipartFile document,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal CurrentUser officer) {
		SubmissionForm form = this.intake.parse(request);
		return receipt(this.intake.submit(officer, form, upload(document), idempotencyKey));
	}

	private ResponseEntity<Map<String, Object>> receipt(Receipt receipt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", receipt.id().value());
		body.put("caseNumber", receipt.caseNumber());
		body.put("status", this.statuses.statusOf(receipt.id()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/v1/requests/" + receipt.id())
			.header("Idempotent-Replayed", Boolean.toString(receipt.replayed()))
			.body(body);
	}

	private static Upload upload(MultipartFile file) {
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
