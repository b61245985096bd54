package org.custodian.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.custodian.shared.ConflictException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.crypto.MasterKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff and officers: TOTP enrolment with a QR code, verification
 * that refuses a code already used, and single-use recovery codes.
 */
@Service
public class SecondFactors {

	static final int RECOVERY_CODES = 10;

	private static final String ISSUER = "Custodian";

	private static final String SEALED = "sealed:";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MasterKey masterKey;

	SecondFactors(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MasterKey masterKey) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.masterKey = masterKey;
	}

	/**
	 * Starts an enrolment, or shows the one already started and not confirmed: the
	 * secret, its otpauth URI and that URI as a QR code.
	 * @param user who enrols
	 * @param account the label shown in the authenticator app (the e-mail address)
	 * @return what the enrolment page shows
	 */
	@Transactional
	public Enrolment begin(CurrentUser user, String account) {
		if (isEnrolled(user)) {
			throw new ConflictException("A second factor is already enrolled.");
		}
		this.jdbc.sql("""
				INSERT INTO second_factor (subject_kind, subject_id, secret) VALUES (?, ?, ?)
				ON CONFLICT (subject_kind, subject_id) DO NOTHING""")
			.params(user.kind().name(), user.id(), seal(user, Totp.newSecret()))
			.update();
		String secret = reveal(user,
				this.jdbc.sql("SELECT secret FROM second_factor WHERE subject_kind = ? AND subject_id = ?")
					.params(user.kind().name(), user.id())
					.query(String.class)
					.single());
		String uri = Totp.uri(ISSUER, account, secret);
		return new Enrolment(secret, uri, qrDataUri(uri));
	}

	/**
	 * Confirms an enrolment with a first code from the app.
	 * @return the recovery codes, shown once
	 */
	@Transactional
	public List<String> confirm(CurrentUser user, String code) {
		if (isEnrolled(user)) {
			throw new ConflictException("A second factor is already enrolled.");
		}
		String secret = this.jdbc
			.sql("SELECT secret FROM second_factor WHERE subject_kind = ? AND subject_id = ? FOR UPDATE")
			.params(user.kind().name(), user.id())
			.query(String.class)
			.optional()
			.map((stored) -> reveal(user, stored))
			.orElseThrow(() -> new ConflictException("Start the enrolment first."));
		Long step = matchingStep(secret, code, 0);
		if (step == null) {
			throw new InvalidInputException("code",
					"does not match: check the time on your phone and enter the current code");
		}
		this.jdbc
			.sql("UPDATE second_factor SET enrolled_at = ?, last_step = ? WHERE subject_kind = ? AND subject_id = ?")
			.params(now(), step, user.kind().name(), user.id())
			.update();
		this.jdbc.sql("DELETE FROM recovery_code WHERE subject_kind = ? AND subject_id = ?")
			.params(user.kind().name(), user.id())
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			byte[] bytes = new byte[8];
			this.random.nextBytes(bytes);
			String recovery = Totp.base32(bytes).substring(0, 12).toLowerCase(Locale.ROOT);
			String readable = recovery.substring(0, 4) + "-" + recovery.substring(4, 8) + "-" + recovery.substring(8);
			codes.add(readable);
			this.jdbc.sql("INSERT INTO recovery_code (subject_kind, subject_id, code_hash) VALUES (?, ?, ?)")
				.params(user.kind().name(), user.id(), ApiTokens.sha256(normalise(readable)))
				.update();
		}
		this.events
			.publishEvent(new LoginEvents.SecondFactorEnrolled(user.actor(), subjectType(user), user.id().toString()));
		return codes;
	}

	@Transactional(readOnly = true)
	public boolean isEnrolled(CurrentUser user) {
		return this.jdbc.sql(
				"SELECT count(*) FROM second_factor WHERE subject_kind = ? AND subject_id = ? AND enrolled_at IS NOT NULL")
			.params(user.kind().name(), user.id())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Checks a code: a current TOTP code not used before, or an unused recovery code
	 * (which is then spent).
	 */
	@Transactional
	public boolean verify(CurrentUser user, String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		Map<String, Object> row = this.jdbc.sql(
				"SELECT secret, last_step FROM second_factor WHERE subject_kind = ? AND subject_id = ? AND enrolled_at IS NOT NULL FOR UPDATE")
			.params(user.kind().name(), user.id())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (row == null) {
			return false;
		}
		String secret = reveal(user, (String) row.get("secret"));
		Long step = matchingStep(secret, code, ((Number) row.get("last_step")).longValue());
		if (step != null) {
			// Also seals a secret stored before secrets were sealed.
			this.jdbc
				.sql("UPDATE second_factor SET last_step = ?, secret = ? WHERE subject_kind = ? AND subject_id = ?")
				.params(step, ((String) row.get("secret")).startsWith(SEALED) ? row.get("secret") : seal(user, secret),
						user.kind().name(), user.id())
				.update();
			return true;
		}
		int spent = this.jdbc.sql("""
				UPDATE recovery_code SET used_at = ?
				WHERE subject_kind = ? AND subject_id = ? AND code_hash = ? AND used_at IS NULL""")
			.params(now(), user.kind().name(), user.id(), ApiTokens.sha256(normalise(code)))
			.update();
		if (spent == 1) {
			this.events
				.publishEvent(new LoginEvents.RecoveryCodeUsed(user.actor(), subjectType(user), user.id().toString()));
			return true;
		}
		return false;
	}

	/**
	 * The step (±1 for clock drift) whose code matches and is newer than the last used.
	 */
	private Long matchingStep(String secret, String code, long lastStep) {
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("[0-9]{6}")) {
			return null;
		}
		long current = Totp.step(Instant.now(this.clock));
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > lastStep
					&& java.security.MessageDigest.isEqual(Totp.code(secret, step).getBytes(), digits.getBytes())) {
				return step;
			}
		}
		return null;
	}

	/**
	 * A TOTP secret must be readable to check codes, so it cannot be hashed; it is kept
	 * sealed under the master key, and a copy of the database alone does not give it
	 * away.
	 */
	private String seal(CurrentUser user, String secret) {
		return SEALED + Base64.getEncoder()
			.encodeToString(this.masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), place(user)));
	}

	private String reveal(CurrentUser user, String stored) {
		return stored.startsWith(SEALED) ? new String(
				this.masterKey.open(Base64.getDecoder().decode(stored.substring(SEALED.length())), place(user)),
				StandardCharsets.UTF_8) : stored;
	}

	/** The row as {@code SealedValues} names it: kind and id. */
	private static MasterKey.SealedAt place(CurrentUser user) {
		return new MasterKey.SealedAt("second_factor", "secret", user.kind().name() + "/" + user.id());
	}

	private static String normalise(String code) {
		return code.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static String subjectType(CurrentUser user) {
		return user.isStaff() ? "staff" : "officer";
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String qrDataUri(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.MARGIN, 2));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
			for (int x = 0; x < matrix.getWidth(); x++) {
				for (int y = 0; y < matrix.getHeight(); y++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode the QR code", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A started enrolment: the secret (for typing in), its URI and a QR code image.
	 */
	public record Enrolment(String secret, String uri, String qrCode) {
	}

}
