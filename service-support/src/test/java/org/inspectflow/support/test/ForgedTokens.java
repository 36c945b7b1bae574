package org.inspectflow.support.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The tokens an attacker can make, each of which every service must answer with 401: a genuinely expired token of the
 * realm, one signed by another key, one of another issuer (signed by the realm's own key), an unsigned one
 * ({@code alg: none}) and the realm's ID token, which is not an access token. The forged ones copy the claims of a real token, so nothing but the forgery is wrong with them.
 */
public final class ForgedTokens {

	private ForgedTokens() {
	}

	/** Each forgery with its name, for a test that loops over them. */
	public static Map<String, String> all(String username) {
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("signed by another key", signedByAnotherKey(username));
		tokens.put("issued by another issuer", Keycloak.userTokenFromAnotherIssuer(username));
		tokens.put("alg none", unsigned(username));
		tokens.put("an ID token, not an access token", Keycloak.userIdToken(username));
		tokens.put("expired", expired(username));
		return tokens;
	}

	/** A real token of the realm, presented after it has expired (waits about three seconds). */
	public static String expired(String username) {
		String token = Keycloak.shortLivedUserToken(username);
		try {
			Thread.sleep(Keycloak.SHORT_LIVED_EXPIRY.plusSeconds(1).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return token;
	}

	/** The claims of the user's real token, signed RS256 by a key the realm never had, with the realm's key id. */
	public static String signedByAnotherKey(String username) {
		try {
			SignedJWT real = SignedJWT.parse(Keycloak.userToken(username));
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
			SignedJWT forged = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(real.getHeader().getKeyID()).build(),
					fresh(real.getJWTClaimsSet()));
			forged.sign(new RSASSASigner(key));
			return forged.serialize();
		}
		catch (java.text.ParseException | NoSuchAlgorithmException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The claims of the user's real token with header {@code {"alg":"none"}} and an empty signature. */
	public static String unsigned(String username) {
		try {
			JWTClaimsSet claims = fresh(SignedJWT.parse(Keycloak.userToken(username)).getJWTClaimsSet());
			Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
			return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
					+ base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWTClaimsSet fresh(JWTClaimsSet claims) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder(claims).issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build();
	}

	/** The forgeries' names, in the order {@link #all} returns them. */
	public static List<String> names() {
		return List.of("signed by another key", "issued by another issuer", "alg none",
				"an ID token, not an access token", "expired");
	}

}
