From: <alice@yahoo.com>
To: <alice@delta.blinzeln.de>
