package org.inspectflow.workflow.cases;

import java.time.Instant;

/**
 * A case shown to the officers of another district (a joint inspection, a referral), and why: every access through
 * it is audited with this purpose.
 *
 * @param district the district the case is shared with
 * @param purpose why, in the words of the one who shared it
 * @param sharedBy who shared it (an officer of the case's district or a supervisor of its city)
 */
public record CaseShare(String district, String purpose, String sharedBy, Instant sharedAt) {
}
