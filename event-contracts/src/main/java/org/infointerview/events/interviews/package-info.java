/** Events produced by interviews-service on {@code interviews.events}. */
package org.infointerview.events.interviews;
