/**
 * Demo data for the {@code demo} profile: agencies, officers, staff in every role and
 * requests in several states, created through the real services so that everything is
 * audited.
 */
package org.custodian.demo;
