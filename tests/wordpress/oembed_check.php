<?php
/**
 * What a WordPress site does with a link to our widget page, run by WordPress's own code.
 *
 * Usage: php oembed_check.php WORDPRESS_DIR URL
 *
 * Loads the parts of an unpacked WordPress (Debian's `wordpress` package) that embed a link:
 * the hooks, formatting, kses, shortcode attribute parsing, the HTTP API, WP_oEmbed and embed.php,
 * wired by WordPress's own default-filters.php. Only the environment is stood in for: the database
 * (an empty one, and the options a fresh site has in memory through WordPress's object cache).
 * Then it runs, as a post that contains URL would: WP_oEmbed::discover (fetches the page, reads its
 * <link> tags), WP_oEmbed::fetch (fetches our oEmbed JSON) and wp_oembed_get (data2html and the
 * `oembed_dataparse` filters: wp_filter_oembed_iframe_title_attribute, wp_filter_oembed_result, whose
 * wp_kses keeps a few tags and whose secret goes into the iframe). It prints one JSON object:
 * versions, the discovered endpoint, the oEmbed data, the HTML a post shows, and the hooks that ran.
 */

if ( 3 !== $argc ) {
	fwrite( STDERR, "usage: php oembed_check.php WORDPRESS_DIR URL\n" );
	exit( 2 );
}
$url = $argv[2];

define( 'ABSPATH', rtrim( $argv[1], '/' ) . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', sys_get_temp_dir() . '/no-wp-content' ); // no plugins, no drop-ins
define( 'WP_DEBUG', true );
// A warning or notice is a failure here; PHP 8.2's deprecations of WordPress 6.1's own code are not.
error_reporting( E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED );
set_error_handler(
	function ( $severity, $message, $file, $line ) {
		throw new ErrorException( $message, 0, $severity, $file, $line );
	},
	E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED
);

global $wp_version, $wpdb, $wp_filter;
require ABSPATH . WPINC . '/version.php';
require ABSPATH . WPINC . '/load.php';
require ABSPATH . WPINC . '/default-constants.php';
require_once ABSPATH . WPINC . '/plugin.php';
wp_initial_constants();
foreach ( array(
	'compat', 'class-wp-list-util', 'formatting', 'functions', 'class-wp-error', 'option', 'cache',
	'l10n', 'kses', 'shortcodes', 'general-template', 'link-template', 'http', 'class-wp-http',
	'class-wp-http-streams', 'class-wp-http-curl', 'class-wp-http-proxy', 'class-wp-http-cookie',
	'class-wp-http-encoding', 'class-wp-http-response', 'class-wp-http-requests-response',
	'class-wp-http-requests-hooks', 'class-wp-oembed', 'embed', 'rewrite', 'blocks', 'class-wp-block-parser', 'pluggable',
) as $file ) {
	require_once ABSPATH . WPINC . "/$file.php";
}

/** The environment: a database with no rows (every query finds nothing). */
class Empty_Database {
	public $prefix  = 'wp_';
	public $options = 'wp_options';
	public $last_error = '';
	public function prepare( $query, ...$args ) {
		return $query;
	}
	public function get_row( ...$args ) {
		return null;
	}
	public function get_results( ...$args ) {
		return array();
	}
	public function get_var( ...$args ) {
		return null;
	}
	public function get_col( ...$args ) {
		return array();
	}
	public function query( ...$args ) {
		return 0;
	}
	public function suppress_errors( $suppress = true ) {
		return false;
	}
}
$wpdb = new Empty_Database();
wp_cache_init();
require ABSPATH . WPINC . '/default-filters.php';

// The options of a site on another host than ours, as its database would hold them.
$site = 'https://blog.example.org';
wp_cache_add(
	'alloptions',
	array(
		'home'         => $site,
		'siteurl'      => $site,
		'blogname'     => 'A WordPress site',
		'blog_charset' => 'UTF-8',
		'html_type'    => 'text/html',
	),
	'options'
);

// The one setting a site needs to embed from a server on loopback and a free port: WordPress's own
// filters, opened for exactly that host and port.
$target = wp_parse_url( $url );
add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) use ( $target ) {
		return $external || $host === $target['host'];
	},
	10,
	2
);
add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) use ( $target ) {
		return $host === $target['host'] && isset( $target['port'] ) ? array_merge( $ports, array( $target['port'] ) ) : $ports;
	},
	10,
	2
);

// Every hook that fires from here on, with the WordPress functions hooked to it (they run).
$fired = array();
add_action(
	'all',
	function ( $tag ) use ( &$fired ) {
		global $wp_filter;
		if ( isset( $fired[ $tag ] ) || ! isset( $wp_filter[ $tag ] ) ) {
			return;
		}
		$fired[ $tag ] = array();
		foreach ( $wp_filter[ $tag ]->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_string( $callback['function'] ) ) {
					$fired[ $tag ][] = $callback['function'];
				}
			}
		}
	}
);

// As a post containing the URL on a line of its own is shown: WP_Embed::shortcode asks
// wp_oembed_get with the theme's content width (wp_embed_defaults); that discovers, fetches, turns
// the data into HTML and runs the oembed_dataparse filters.
$GLOBALS['content_width'] = (int) ( getenv( 'CONTENT_WIDTH' ) ?: 400 ); // the theme's setting
$oembed   = _wp_oembed_get_object();
$provider = $oembed->get_provider( $url, array( 'discover' => false ) ); // a known provider? (we are not)
$endpoint = $oembed->discover( $url );
$data     = $endpoint ? $oembed->fetch( $endpoint, $url ) : false;
$html     = wp_oembed_get( $url );

echo wp_json_encode(
	array(
		'wordpress' => $wp_version,
		'php'       => PHP_VERSION,
		'provider'  => $provider,
		'endpoint'  => $endpoint,
		'data'      => $data,
		'html'      => $html,
		'hooks'     => array_filter( $fired ),
	),
	JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES
) . "\n";
