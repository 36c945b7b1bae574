package org.inspectflow.notification.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.inspectflow.notification.recipients.domain.Recipient;
import org.inspectflow.notification.recipients.domain.RecipientRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Fills an empty directory with the demo users of the Keycloak realm (officer1, officer2, supervisor1, enterprise1,
 * enterprise2, admin1), so that the local stack tells someone from its first event. A directory with anyone in it is
 * left alone: an administrator's changes survive restarts.
 */
@Component
public class DirectorySeed {

	private static final Logger log = LoggerFactory.getLogger(DirectorySeed.class);

	private final RecipientDirectory directory;

	private final DirectoryProperties properties;

	private final ResourceLoader resources;

	private final ObjectMapper objectMapper;

	DirectorySeed(RecipientDirectory directory, DirectoryProperties properties, ResourceLoader resources,
			ObjectMapper objectMapper) {
		this.directory = directory;
		this.properties = properties;
		this.resources = resources;
		this.objectMapper = objectMapper;
	}

	/** @return how many recipients were loaded (0 when the seed is off or the directory has anyone) */
	public int seedIfEmpty() {
		if (!this.properties.seed() || this.directory.count() > 0) {
			return 0;
		}
		List<Entry> entries;
		try (InputStream in = this.resources.getResource(this.properties.seedResource()).getInputStream()) {
			entries = this.objectMapper.readValue(in, new TypeReference<List<Entry>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the recipient seed " + this.properties.seedResource(), ex);
		}
		entries.forEach((entry) -> this.directory.save(entry.recipient()));
		log.info("recipient directory seeded with {} demo users from {}", entries.size(),
				this.properties.seedResource());
		return entries.size();
	}

	record Entry(String id, String displayName, RecipientRole role, String district, String city,
			String enterpriseUscc, String enterpriseName, String email, String phone, String locale) {

		Recipient recipient() {
			return new Recipient(this.id, this.displayName, this.role, this.district, this.city, this.enterpriseUscc,
					this.enterpriseName, this.email, this.phone,
					this.locale == null ? null : Locale.forLanguageTag(this.locale));
		}

	}

}
