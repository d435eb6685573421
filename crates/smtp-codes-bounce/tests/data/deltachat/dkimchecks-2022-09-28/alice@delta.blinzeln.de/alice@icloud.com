From: <alice@icloud.com>
To: <alice@delta.blinzeln.de>
