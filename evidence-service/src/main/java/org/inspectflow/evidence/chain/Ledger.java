package org.inspectflow.evidence.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.Document;
import org.inspectflow.contracts.Envelope;
import org.inspectflow.evidence.chain.domain.ChainEntry;
import org.inspectflow.evidence.chain.domain.HashChain;
import org.inspectflow.support.outbox.MongoOutbox;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The append-only evidence chain of each case, one document per case: the links in order, the head's sequence and
 * hash. A link is appended by one conditional single-document update (the head must still be the one the link was
 * sealed after, and the same file must not be in the chain yet, see {@link SameFile}), together with its
 * {@code EvidenceStored} event in the document's outbox: concurrent uploads retry on a moved head, so the chain has
 * no gaps and no forks, and the event is published if and only if the link was written.
 */
@Component
public class Ledger {

	static final String LEDGERS = "ledgers";

	/** The metadata key that says whether the case's enterprise may see a link ("true" or "false"). */
	public static final String SHARED_WITH_ENTERPRISE = "sharedWithEnterprise";

	private static final int ATTEMPTS = 200;

	private final MongoTemplate mongo;

	private final MongoOutbox outbox;

	Ledger(MongoTemplate mongo, MongoOutbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/**
	 * Appends a link for a stored file, or finds the link of the same file already in the case's chain.
	 *
	 * @param link what the link describes; its metadata is digested into the link
	 * @param event the event announcing the link, made once the link is sealed
	 */
	public Appended append(String caseId, NewLink link, Function<Document, Envelope<?>> event) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			// one read per attempt: the head to chain after, and whether the file is in the chain already
			Document head = this.mongo.findById(caseId, Document.class, LEDGERS);
			Optional<Document> same = head == null ? Optional.empty() : entriesOf(head).stream()
				.filter((entry) -> link.sameFile().matches(entry, link.sha256()))
				.findFirst();
			if (same.isPresent()) {
				return new Appended(same.get(), false);
			}
			ChainEntry previous = head == null ? null
					: new ChainEntry(head.get("seq", Number.class).longValue(), null, null, null, null, null, null,
							head.getString("head"));
			String digest = HashChain.digest(link.metadata());
			ChainEntry entry = HashChain.next(previous, link.evidenceId(), link.sha256(), digest, link.actor(),
					link.at());
			Document entryDocument = document(entry, link);
			Envelope<?> announcement = event.apply(entryDocument);
			if (head == null) {
				Document first = new Document("_id", caseId).append("seq", entry.sequence())
					.append("head", entry.hash())
					.append("entries", new ArrayList<>(List.of(entryDocument)));
				try {
					this.mongo.insert(this.outbox.withEvents(LEDGERS, first, announcement), LEDGERS);
					this.outbox.written();
					return new Appended(entryDocument, true);
				}
				catch (DuplicateKeyException raced) {
					continue;
				}
			}
			Query stillHead = Query.query(Criteria.where("_id")
				.is(caseId)
				.and("seq")
				.is(previous.sequence())
				.norOperator(Criteria.where("entries").elemMatch(link.sameFile().criteria(link.sha256()))));
			Update update = new Update().push("entries", entryDocument)
				.set("seq", entry.sequence())
				.set("head", entry.hash());
			if (this.mongo.updateFirst(stillHead, this.outbox.withEvents(LEDGERS, update, announcement), LEDGERS)
				.getModifiedCount() == 1) {
				this.outbox.written();
				return new Appended(entryDocument, true);
			}
		}
		throw new IllegalStateException("the chain of " + caseId + " kept moving: " + ATTEMPTS + " attempts");
	}

	/** The links of a case's chain, in the order stored. */
	public List<Document> entries(String caseId) {
		Document ledger = this.mongo.findById(caseId, Document.class, LEDGERS);
		return ledger == null ? List.of() : entriesOf(ledger);
	}

	@SuppressWarnings("unchecked")
	private static List<Document> entriesOf(Document ledger) {
		return List.copyOf((List<Document>) ledger.get("entries"));
	}

	public Optional<Document> entry(String caseId, String evidenceId) {
		return entries(caseId).stream().filter((entry) -> evidenceId.equals(entry.getString("evidenceId"))).findFirst();
	}

	static ChainEntry link(Document entry) {
		return new ChainEntry(entry.get("sequence", Number.class).longValue(), entry.getString("evidenceId"),
				entry.getString("sha256"), entry.getString("metadataDigest"), entry.getString("actor"),
				entry.getString("at"), entry.getString("previousHash"), entry.getString("hash"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> metadata(Document entry) {
		Map<String, String> metadata = new TreeMap<>();
		((Map<String, Object>) entry.get("metadata", Map.class)).forEach((key, value) -> metadata.put(key,
				String.valueOf(value)));
		return metadata;
	}

	private static Document document(ChainEntry entry, NewLink link) {
		return new Document("sequence", entry.sequence()).append("evidenceId", entry.evidenceId())
			.append("sha256", entry.sha256())
			.append("metadataDigest", entry.metadataDigest())
			.append("actor", entry.actor())
			.append("at", entry.at())
			.append("previousHash", entry.previousHash())
			.append("hash", entry.hash())
			.append("metadata", new Document(link.metadata()))
			.append("fileId", link.fileId());
	}

	/**
	 * @param metadata what is known of the file, as text (hashed into the link)
	 * @param fileId the GridFS file
	 * @param sameFile which links a file with the same SHA-256 makes this one a repeat of
	 */
	public record NewLink(String evidenceId, String sha256, Map<String, String> metadata, String actor, String at,
			Object fileId, SameFile sameFile) {
	}

	/**
	 * Which links of the case a new file is compared with to keep the same content once. An enterprise's file is
	 * compared only with the links it may see: were it compared with the officers' unshared ones, uploading a file
	 * would tell the enterprise whether the officers hold it (a complainant's photo, say) and hand it their link.
	 */
	public enum SameFile {

		/** Every link of the case (officers and supervisors see all of them). */
		AMONG_ALL,

		/** Only the links shared with the case's enterprise (its own and those officers shared). */
		AMONG_SHARED;

		boolean matches(Document entry, String sha256) {
			if (!sha256.equals(entry.getString("sha256"))) {
				return false;
			}
			return this == AMONG_ALL || "true".equals(String.valueOf(entry.get("metadata", Map.class)
				.get(SHARED_WITH_ENTERPRISE)));
		}

		Criteria criteria(String sha256) {
			Criteria same = Criteria.where("sha256").is(sha256);
			return this == AMONG_ALL ? same : same.and("metadata." + SHARED_WITH_ENTERPRISE).is("true");
		}

	}

	/** @param created false when the same file was in the chain already */
	public record Appended(Document entry, boolean created) {
	}

}
