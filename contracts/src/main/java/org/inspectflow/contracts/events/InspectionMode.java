package org.inspectflow.contracts.events;

/**
 * Whether a verification happened on site or from monitoring data, video or documents; statistics report the
 * non-site share.
 */
public enum InspectionMode {

	ON_SITE, NON_SITE

}
