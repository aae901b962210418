# What Jekyll itself reads from a site's _config.yml: the configuration (Jekyll.configuration)
# and the front-matter defaults of a post (FrontmatterDefaults#all), as one JSON line.
# Usage: ruby oracle.rb SITE_DIR POST_PATH. A YAML error prints {"error": message}.
require "jekyll"
require "json"
dir, post = ARGV
begin
  config = Jekyll.configuration("source" => dir, "quiet" => true)
rescue Psych::SyntaxError => e
  puts({ "error" => e.message, "line" => e.line, "column" => e.column }.to_json)
  exit
end
site = Jekyll::Site.new(config)
defaults = site.frontmatter_defaults.all(post, :posts)
puts({ "config" => config, "post_defaults" => defaults }.to_json)
