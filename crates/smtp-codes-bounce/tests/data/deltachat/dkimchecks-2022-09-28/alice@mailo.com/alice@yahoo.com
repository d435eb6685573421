From: <alice@yahoo.com>
To: <alice@mailo.com>
