package org.inspectflow.evidence.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest file accepted (default 200 MB); a larger one is refused while it streams in
 * @param maxDistanceMeters how far from the case's site a photo may have been taken before it is flagged
 */
@ConfigurationProperties("inspectflow.evidence")
public record EvidenceProperties(DataSize maxSize, int maxDistanceMeters) {

	public EvidenceProperties {
		maxSize = maxSize == null ? DataSize.ofMegabytes(200) : maxSize;
		maxDistanceMeters = maxDistanceMeters <= 0 ? 1000 : maxDistanceMeters;
	}

}
