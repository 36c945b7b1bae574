package org.inspectflow.evidence.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.List;

import com.mongodb.client.gridfs.GridFSBucket;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.inspectflow.evidence.chain.domain.ChainEntry;
import org.inspectflow.evidence.chain.domain.HashChain;

import org.springframework.stereotype.Component;

/**
 * Recomputes a case's chain from what is stored: every link's seal and order, every link's metadata digest, and the
 * SHA-256 of every stored file, streamed from GridFS. Reports the first broken link.
 */
@Component
public class ChainVerifier {

	private final Ledger ledger;

	private final GridFSBucket files;

	ChainVerifier(Ledger ledger, GridFSBucket files) {
		this.ledger = ledger;
		this.files = files;
	}

	public HashChain.Verdict verify(String caseId) {
		List<Document> entries = this.ledger.entries(caseId);
		List<ChainEntry> links = entries.stream().map(Ledger::link).toList();
		HashChain.Verdict verdict = HashChain.verify(links);
		for (int i = 0; i < entries.size(); i++) {
			Document entry = entries.get(i);
			long sequence = i + 1;
			if (!verdict.valid() && verdict.broken().sequence() <= sequence) {
				return verdict;
			}
			if (!HashChain.digest(Ledger.metadata(entry)).equals(entry.getString("metadataDigest"))) {
				return new HashChain.Verdict(false, sequence - 1,
						new HashChain.Broken(sequence, "the metadata of link " + sequence + " was changed"));
			}
			String actual = sha256Of(entry.get("fileId"));
			if (!actual.equals(entry.getString("sha256"))) {
				return new HashChain.Verdict(false, sequence - 1,
						HashChain.Broken.file(sequence, entry.getString("evidenceId")));
			}
		}
		return verdict;
	}

	private String sha256Of(Object fileId) {
		MessageDigest digest = HashChain.messageDigest();
		try (InputStream in = this.files.openDownloadStream((ObjectId) fileId)) {
			byte[] buffer = new byte[256 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (com.mongodb.MongoGridFSException ex) {
			return "missing";
		}
		return HashChain.hex(digest.digest());
	}

}
