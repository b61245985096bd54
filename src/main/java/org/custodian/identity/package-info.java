/**
 * Who is acting: staff users and their roles, API tokens (stored hashed), passwords, and
 * the first administrator from the environment.
 */
package org.custodian.identity;
