From: <alice@fastmail.com>
To: <alice@delta.blinzeln.de>
