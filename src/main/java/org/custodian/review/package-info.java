/**
 * The life of a request: screening, review, the structured assessment, decisions under
 * four eyes, questions to the officer, withdrawal. One state machine, guarded
 * transitions.
 */
package org.custodian.review;
