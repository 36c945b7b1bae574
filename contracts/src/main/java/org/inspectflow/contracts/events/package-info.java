/**
 * Integration events: facts that have happened, published on {@code inspectflow.events} with their type as routing
 * key. They carry ids and decisions, never whole payloads (no file bytes, no documents).
 */
package org.inspectflow.contracts.events;
