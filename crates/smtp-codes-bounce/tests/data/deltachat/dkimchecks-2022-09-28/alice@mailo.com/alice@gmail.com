From: <alice@gmail.com>
To: <alice@mailo.com>
