/**
 * Commands and replies: requests addressed to one service, sent on {@code inspectflow.commands} with their type as
 * routing key. The type's prefix names the receiving service; a reply is a command to the service that asked.
 */
package org.inspectflow.contracts.commands;
