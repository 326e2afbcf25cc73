/**
 * The web UI's server: static pages and ES modules, one shell page for every screen ({@link
 * org.infointerview.webui.PageController}).
 */
@NullMarked
package org.infointerview.webui;

import org.jspecify.annotations.NullMarked;
