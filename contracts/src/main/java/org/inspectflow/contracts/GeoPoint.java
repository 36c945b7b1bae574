package org.inspectflow.contracts;

/**
 * A position in WGS-84 degrees, as phones, drones and remote-sensing patches report it; clues and evidence carry it
 * so that an enterprise can be matched by location.
 */
public record GeoPoint(double latitude, double longitude) {
}
