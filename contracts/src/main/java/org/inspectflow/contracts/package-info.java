/**
 * The messages InspectFlow's services exchange over RabbitMQ and publish to integrators: the CloudEvents-style
 * envelope, the integration events and commands as records, and the exchange, routing-key and queue names. No
 * Spring, no behaviour: every producer and consumer compiles against the same definitions.
 */
package org.inspectflow.contracts;
